import type { TextRule } from './rules';

/**
 * Replacements for characters NFD does not decompose into a base letter (ł, ø, ß…)
 * and for typographic marks with a plain counterpart imoje accepts.
 */
const PLAIN: Record<string, string> = {
	ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i',
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
	'\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
	'\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Fits text to an imoje character rule: a character the rule refuses becomes its plain
 * form when that one is accepted (ł -> l, ą -> a, ’ -> '), otherwise a space; runs of
 * spaces collapse, the ends are trimmed and the text is cut to the rule's length.
 * Characters the rule accepts are kept, so Polish letters stay where imoje allows them.
 */
export function fitText(text: string, rule: TextRule): string {
	const accepted = (candidate: string | undefined) => !!candidate && [...candidate].every((c) => rule.allowed.test(c));
	let fitted = '';
	for (const character of text) {
		if (rule.allowed.test(character)) {
			fitted += character;
			continue;
		}
		const plain = [PLAIN[character], character.normalize('NFD').replace(COMBINING_MARKS, '')].find(accepted);
		fitted += plain ?? ' ';
	}
	fitted = fitted.replace(/ {2,}/g, ' ').trim();
	return rule.shorten && fitted.length > rule.max ? fitted.slice(0, rule.max).trimEnd() : fitted;
}

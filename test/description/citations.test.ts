/**
 * Comments in shipped code cite our own docs (docs/imoje-api.md#section) or imoje's public
 * pages, never files outside the repository. Every cited section must exist.
 */
import { doc, shippedSources } from './sources';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-');

const files = shippedSources();

test('every docs/ section a comment cites exists', () => {
	const cited = files.flatMap(([file, text]) => [...text.matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)].map(([, name, section]) => ({ file, name, section })));
	expect(cited.length).toBeGreaterThan(10);
	const missing = cited.filter(({ name, section }) => {
		const headings = doc(name).match(/^#{1,4} .+$/gm) ?? [];
		return !headings.map((heading) => anchor(heading.replace(/^#+ /, ''))).includes(section);
	});
	expect(missing).toEqual([]);
});

test('no comment cites notes outside the repository', () => {
	const outside = files.filter(([, text]) => /\bseed \d|seeds\/|\bAPI\.md\b|node_modules\//.test(text)).map(([file]) => file);
	expect(outside).toEqual([]);
});

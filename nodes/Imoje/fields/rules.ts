/**
 * imoje's rules for the values it takes, each as imoje's API reference states it
 * (docs/imoje-api.md#field-rules lists them with the page of each). Pure: no n8n here,
 * so every rule is unit-tested on its own.
 */

/** Returns what is wrong with a value, or undefined when imoje accepts it. */
export type Rule = (value: unknown) => string | undefined;

/** The characters a text field may hold, as imoje's `^[...]+$` pattern for it, and its length. */
export interface TextRule {
	/** Matches ONE allowed character: imoje's class without anchors and quantifier. */
	allowed: RegExp;
	/** What users are told the field may contain. */
	says: string;
	max: number;
	/** Whether "Fit Text to Imoje's Rules" may change it (never for IDs and codes). */
	fit: boolean;
	/** Whether fitting may cut it to `max` (never a phone number: that would dial someone else). */
	shorten: boolean;
}

const textRule = (allowed: RegExp, says: string, max: number, fit = true): TextRule => ({ allowed, says, max, fit, shorten: fit });

const LATIN = '\\u00C0-\\u02C0';
const CYRILLIC = '\\u0400-\\u04FF';
const NAME_SAYS = 'letters, digits, spaces and # & _ - , . / \\ \' "';
const COMPANY_SAYS = 'letters, digits, spaces and # & _ - , . / \' "';
const ADDRESS_SAYS = 'letters A-Z without accents, digits and spaces';
const BUYER_ADDRESS_SAYS = 'letters, digits, spaces and - # . \' " & , _ /';

/** imoje's character classes (payment link create, unless noted). */
const CLASS = {
	name: new RegExp(`[A-Za-z0-9#&_\\-,.\\\\/ ${LATIN}${CYRILLIC}"']`),
	title: new RegExp(`[A-Za-z0-9#&_\\-,.\\\\/ ${LATIN}"']`),
	// \s admits new lines; no backslash.
	description: new RegExp(`[A-Za-z0-9#&_\\s\\-,./ ${LATIN}"']`),
	company: new RegExp(`[A-Za-z0-9#&_\\-,./ ${LATIN}"']`),
	// The shipping company takes no &.
	shippingCompany: new RegExp(`[A-Za-z0-9#_\\-,./ ${LATIN}"']`),
	// Billing and shipping street, city and region: ASCII letters, digits and spaces only.
	address: /[A-Za-z0-9 ]/,
	buyerAddress: new RegExp(`[0-9a-zA-Z\\s\\-#.'"&,_/${LATIN}]`),
	phone: /[0-9+\- ]/,
	payoutLabel: new RegExp(`[A-Za-z0-9\\-,. ${LATIN}"']`),
	orderId: new RegExp(`[A-Za-z0-9#_\\-.\\\\/ ${LATIN}]`),
	cid: /[A-Za-z0-9-]/,
	any: /[\s\S]/,
};

export const TEXT = {
	orderId: textRule(CLASS.orderId, 'letters, digits, spaces and # _ - . / \\', 100, false),
	title: textRule(CLASS.title, NAME_SAYS, 255),
	description: textRule(CLASS.description, 'letters, digits, spaces, new lines and # & _ - , . / \' "', 255),
	name: (max: number) => textRule(CLASS.name, NAME_SAYS, max),
	company: textRule(CLASS.company, COMPANY_SAYS, 200),
	shippingCompany: textRule(CLASS.shippingCompany, 'letters, digits, spaces and # _ - , . / \' "', 200),
	phone: { ...textRule(CLASS.phone, 'digits, spaces, + and -', 20), shorten: false },
	cid: textRule(CLASS.cid, 'letters, digits and -', 36, false),
	address: (max: number) => textRule(CLASS.address, ADDRESS_SAYS, max),
	buyerAddress: (max: number) => textRule(CLASS.buyerAddress, BUYER_ADDRESS_SAYS, max),
	payoutLabel: textRule(CLASS.payoutLabel, 'letters, digits, spaces and - , . \' "', 70),
	payoutTitle: textRule(CLASS.title, NAME_SAYS, 105),
	/** A documented length and no character rule. */
	length: (max: number): TextRule => ({ allowed: CLASS.any, says: 'any characters', max, fit: false, shorten: false }),
};

/** What is wrong with text under a rule, or undefined when imoje accepts it. */
export function textProblem(text: string, rule: TextRule): string | undefined {
	if (text.length > rule.max) return `must be at most ${rule.max} characters (it has ${text.length})`;
	const refused = [...new Set([...text].filter((c) => !rule.allowed.test(c)))];
	if (refused.length === 0) return undefined;
	const hint = rule.fit ? ' (turn on "Fit Text to Imoje\'s Rules" to replace them)' : '';
	return `may only contain ${rule.says}; imoje refuses ${refused.map((c) => `"${c}"`).join(' ')}${hint}`;
}

// imoje writes its IDs as UUID v4 and accepts its example IDs in either case: any UUID passes.
/** Also the editor's check of By ID locators, which must be a string. */
export const UUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_SOURCE}$`);
// RFC 5322 and RFC 6531 (letters of any script allowed).
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\/([0-9]|[12]\d|3[0-2]))?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/\d{1,3})?$/i;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const rules = {
	uuid: (value: unknown) =>
		UUID.test(text(value) ?? '') ? undefined : 'must be an imoje ID (a UUID such as 0f0cc3d0-aae8-410b-bf5c-358955c348e3)',
	positiveInteger: (value: unknown) =>
		typeof value === 'number' && Number.isInteger(value) && value > 0
			? undefined
			: 'must be a whole number above 0 in the smallest currency unit (1250 means 12.50)',
	positiveWhole: (value: unknown) =>
		typeof value === 'number' && Number.isInteger(value) && value > 0 ? undefined : 'must be a whole number above 0',
	nonNegativeNumber: (value: unknown) =>
		typeof value === 'number' && value >= 0 ? undefined : 'must be a number of 0 or more',
	nonNegativeInteger: (value: unknown) =>
		typeof value === 'number' && Number.isInteger(value) && value >= 0
			? undefined
			: 'must be a whole number of 0 or more in the smallest currency unit',
	oneOf: (allowed: readonly (string | number)[]): Rule => (value) =>
		allowed.includes(value as string) ? undefined : `must be one of ${allowed.join(', ')}`,
	maxLength: (max: number): Rule => (value) => {
		const length = String(value ?? '').length;
		return length > max ? `must be at most ${max} characters (it has ${length})` : undefined;
	},
	email: (value: unknown) => (EMAIL.test(text(value) ?? '') ? undefined : 'must be an e-mail address such as jan@example.com'),
	url: (value: unknown) => {
		const problem = rules.maxLength(300)(value);
		if (problem) return problem;
		try {
			const { protocol } = new URL(String(value));
			return protocol === 'http:' || protocol === 'https:' ? undefined : 'must start with http:// or https://';
		} catch {
			return 'must be a full URL such as https://shop.example.com/thanks';
		}
	},
	/** imoje's notification address: public, on port 80 or 443 without ":port". */
	publicUrl: (value: unknown) => {
		const problem = rules.url(value);
		if (problem) return problem;
		const { hostname, port } = new URL(String(value));
		if (/localhost/i.test(hostname)) return 'imoje rejects addresses with localhost; use a public address';
		if (port !== '' || /^[a-z]+:\/\/[^/]*:\d/i.test(String(value)))
			return 'imoje rejects addresses with a port number; use a public address on port 80 or 443 without ":port"';
		return undefined;
	},
	sixDigits: (value: unknown) => (/^\d{6}$/.test(String(value ?? '')) ? undefined : 'must be exactly 6 digits'),
	bankAccount: (value: unknown) =>
		/^\d{26}$/.test(String(value ?? '')) ? undefined : 'must be a Polish account number of exactly 26 digits, without spaces or PL',
	ip: (value: unknown) =>
		IPV4.test(text(value) ?? '') || IPV6.test(text(value) ?? '') ? undefined : 'must be an IPv4 or IPv6 address',
	/** validTo: unix seconds at least a minute ahead, or null for "never expires". */
	expiry: (value: unknown) => {
		if (value === null) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a date and time';
		return value < Math.floor(Date.now() / 1000) + 60 ? 'must be at least 60 seconds in the future' : undefined;
	},
} as const;

/** How a value is named in a message: "a number", "a list", "null". */
export function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

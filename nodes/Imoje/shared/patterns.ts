/**
 * imoje's documented character rules for text fields, each taken from imoje's own
 * request schema as published in its API pages (kept in ../shared/imoje/seeds/; the
 * file:line is given at each rule). A rule is the set of characters a value may
 * contain: the seeds' `^[...]+$` patterns with the anchors and quantifier dropped, so
 * the same class serves to check a value and to find the characters to replace.
 */

/** A character class from the seeds, plus whether text may be fitted to it (see fitText). */
export interface TextRule {
	/** Matches ONE allowed character. */
	allowed: RegExp;
	/** What users are told the field may contain. */
	says: string;
	max: number;
	/** Text the node may fit (transliterate, replace); IDs and codes are only checked. */
	fit: boolean;
	/** Whether fitting may cut it to `max` (never for a phone number: that would dial someone else). */
	shorten: boolean;
}

const rule = (allowed: RegExp, says: string, max: number, fit = true): TextRule => ({ allowed, says, max, fit, shorten: fit });

const LATIN = '\\u00C0-\\u02C0';
const CYRILLIC = '\\u0400-\\u04FF';

// seed 01-payment-link-create.txt:48,54 (customer), :145,151 (billing), :204,210 (shipping), :364 (invoice buyer fullName, max 200)
const NAME = new RegExp(`[A-Za-z0-9#&_\\-,.\\\\/ ${LATIN}${CYRILLIC}"']`);
// seed 01:88 (title), :336 (multipayout title); seed 03-profile-debit.txt:62
const TITLE = new RegExp(`[A-Za-z0-9#&_\\-,.\\\\/ ${LATIN}"']`);
// seed 01:94 (additionalDescription): \s admits new lines; no backslash
const DESCRIPTION = new RegExp(`[A-Za-z0-9#&_\\s\\-,./ ${LATIN}"']`);
// seed 01:78 (customer company), :157 (billing company)
const COMPANY = new RegExp(`[A-Za-z0-9#&_\\-,./ ${LATIN}"']`);
// seed 01:216 (shipping company: no &)
const SHIPPING_COMPANY = new RegExp(`[A-Za-z0-9#_\\-,./ ${LATIN}"']`);
// seed 01:163,169,175 (billing street, city, region), :222,228,234 (shipping): ASCII letters, digits, spaces only
const ADDRESS = /[A-Za-z0-9 ]/;
// seed 01:370,376; seed 03:139,145 (invoice buyer street and city)
const BUYER_ADDRESS = new RegExp(`[0-9a-zA-Z\\s\\-#.'"&,_/${LATIN}]`);
// seed 01:66 (customer phone)
const PHONE = /[0-9+\- ]/;
// seed 01:329 (multipayout label), seed 03:96
const LABEL = new RegExp(`[A-Za-z0-9\\-,. ${LATIN}"']`);
// seed 01:37 (orderId), seed 03:56, seed 04-transaction-create.txt (orderId)
const ORDER_ID = new RegExp(`[A-Za-z0-9#_\\-.\\\\/ ${LATIN}]`);
// seed 01:72 (cid)
const CID = /[A-Za-z0-9-]/;

const NAME_SAYS = 'letters, digits, spaces and # & _ - , . / \\ \' "';

/** Body path (`[]` = every element of a list) -> the label users see, and its rule. */
export const TEXT_RULES: Array<[string, string, TextRule]> = [
	['orderId', 'Order ID', rule(ORDER_ID, 'letters, digits, spaces and # _ - . / \\', 100, false)],
	['title', 'Title', rule(TITLE, NAME_SAYS, 255)],
	['additionalDescription', 'Additional Description', rule(DESCRIPTION, 'letters, digits, spaces, new lines and # & _ - , . / \' "', 255)],
	['customer.firstName', 'Customer First Name', rule(NAME, NAME_SAYS, 100)],
	['customer.lastName', 'Customer Last Name', rule(NAME, NAME_SAYS, 100)],
	['customer.company', 'Customer Company', rule(COMPANY, 'letters, digits, spaces and # & _ - , . / \' "', 200)],
	['customer.phone', 'Customer Phone', { ...rule(PHONE, 'digits, spaces, + and -', 20), shorten: false }],
	['customer.cid', 'Customer ID (Cid)', rule(CID, 'letters, digits and -', 36, false)],
	...(['billing', 'shipping'] as const).flatMap((path): Array<[string, string, TextRule]> => {
		const label = path === 'billing' ? 'Billing' : 'Shipping';
		return [
			[`${path}.firstName`, `${label} First Name`, rule(NAME, NAME_SAYS, 100)],
			[`${path}.lastName`, `${label} Last Name`, rule(NAME, NAME_SAYS, 100)],
			[`${path}.company`, `${label} Company`, path === 'billing'
				? rule(COMPANY, 'letters, digits, spaces and # & _ - , . / \' "', 200)
				: rule(SHIPPING_COMPANY, 'letters, digits, spaces and # _ - , . / \' "', 200)],
			[`${path}.street`, `${label} Street`, rule(ADDRESS, 'letters A-Z without accents, digits and spaces', 200)],
			[`${path}.city`, `${label} City`, rule(ADDRESS, 'letters A-Z without accents, digits and spaces', 100)],
			[`${path}.region`, `${label} Region`, rule(ADDRESS, 'letters A-Z without accents, digits and spaces', 100)],
		];
	}),
	...['multipayout', 'data.multipayout'].flatMap((base): Array<[string, string, TextRule]> => [
		[`${base}[].label`, 'Multipayout Recipient Name', rule(LABEL, 'letters, digits, spaces and - , . \' "', 70)],
		[`${base}[].title`, 'Multipayout Transfer Title', rule(TITLE, NAME_SAYS, 105)],
	]),
	['invoice.buyer.fullName', 'Invoice Buyer Full Name', rule(NAME, NAME_SAYS, 200)],
	['invoice.buyer.street', 'Invoice Buyer Street', rule(BUYER_ADDRESS, 'letters, digits, spaces and - # . \' " & , _ /', 200)],
	['invoice.buyer.city', 'Invoice Buyer City', rule(BUYER_ADDRESS, 'letters, digits, spaces and - # . \' " & , _ /', 100)],
];

/** Fields with a documented length and no character rule (seed 01:181-193, :293, :358, :406). */
export const LENGTH_RULES: Array<[string, string, number]> = [
	['billing.postalCode', 'Billing Postal Code', 30],
	['shipping.postalCode', 'Shipping Postal Code', 30],
	['billing.countryCodeAlpha2', 'Billing Country Code', 2],
	['shipping.countryCodeAlpha2', 'Shipping Country Code', 2],
	['billing.taxId', 'Billing Tax ID', 12],
	['cart.items[].unit', 'Cart Item Unit', 35],
	['invoice.buyer.postalCode', 'Invoice Buyer Postal Code', 30],
	['invoice.buyer.countryCodeAlpha2', 'Invoice Buyer Country Code', 2],
	['invoice.buyer.idNumber', 'Invoice Buyer ID Number', 30],
	['invoice.buyer.idCountryCodeAlpha2', 'Invoice Buyer ID Country', 2],
];

import type { IDataObject } from 'n8n-workflow';

import { CURRENCIES, LOCALES, PAYMENT_METHODS, CHANNEL_CODES, VISIBLE_METHODS } from './options';

/**
 * Checks a request body against imoje's documented rules before it is sent, so a
 * user sees which field is wrong instead of a round trip and a terse 422.
 * Pure: no n8n context, so every rule is unit-tested on its own.
 */

/** Returns what is wrong with the value, or undefined when it is fine. */
type Rule = (value: unknown, body: IDataObject) => string | undefined;

export interface Problem {
	field: string;
	problem: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Character classes copied from imoje's published JSON schema (\u00C0-\u02C0 covers Polish letters).
const ORDER_ID = /^[A-Za-z0-9#_\-.\\/ \u00C0-\u02C0]+$/;
const TITLE = /^[A-Za-z0-9#&_\-,.\\/ \u00C0-\u02C0"']+$/;
const DESCRIPTION = /^[A-Za-z0-9#&_\s\-,./ \u00C0-\u02C0"']+$/;
const PERSON_NAME = /^[A-Za-z0-9#&_\-,.\\/ \u00C0-\u02C0\u0400-\u04FF"']+$/;
const PHONE = /^[0-9+\- ]+$/;
const CID = /^[A-Za-z0-9-]+$/;
const LABEL = /^[A-Za-z0-9\-,. \u00C0-\u02C0"']+$/;
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
	nonNegativeInteger: (value: unknown) =>
		typeof value === 'number' && Number.isInteger(value) && value >= 0
			? undefined
			: 'must be a whole number of 0 or more in the smallest currency unit',
	oneOf: (allowed: readonly (string | number)[]) => (value: unknown) =>
		allowed.includes(value as string) ? undefined : `must be one of ${allowed.join(', ')}`,
	maxLength: (max: number) => (value: unknown) => {
		const length = String(value ?? '').length;
		return length > max ? `must be at most ${max} characters (it has ${length})` : undefined;
	},
	pattern: (regex: RegExp, allowed: string) => (value: unknown) =>
		regex.test(String(value ?? '')) ? undefined : `may only contain ${allowed}`,
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

const is = (...checks: Rule[]) => checks;
const name = is(rules.maxLength(100), rules.pattern(PERSON_NAME, 'letters, digits, spaces and # & _ - , . / \' "'));

/** Body path (`[]` = every element) -> the label users see in the node, and its rules. */
const FIELD_RULES: Array<[string, string, Rule[]]> = [
	['serviceId', 'Shop ID', is(rules.uuid)],
	['paymentId', 'Payment Link ID', is(rules.uuid)],
	['paymentProfileId', 'Payment Profile ID', is(rules.uuid)],
	['amount', 'Amount', is(rules.positiveInteger)],
	['currency', 'Currency', is(rules.oneOf(CURRENCIES))],
	['orderId', 'Order ID', is(rules.maxLength(100), rules.pattern(ORDER_ID, 'letters, digits, spaces and # _ - . / \\'))],
	['title', 'Title', is(rules.maxLength(255), rules.pattern(TITLE, 'letters, digits, spaces and # & _ - , . / \\ \' "'))],
	['additionalDescription', 'Additional Description', is(rules.maxLength(255), rules.pattern(DESCRIPTION, 'letters, digits, spaces and # & _ - , . / \' "'))],
	['paymentMethod', 'Payment Method', is(rules.oneOf(PAYMENT_METHODS))],
	['paymentMethodCode', 'Payment Channel', is(rules.oneOf(CHANNEL_CODES))],
	['preselectMethodCode', 'Preselected Channel', is(rules.oneOf(CHANNEL_CODES))],
	['visibleMethod[]', 'Visible Methods', is(rules.oneOf(VISIBLE_METHODS))],
	['successReturnUrl', 'Success Return URL', is(rules.url)],
	['failureReturnUrl', 'Failure Return URL', is(rules.url)],
	['returnUrl', 'Return URL', is(rules.url)],
	['notificationUrl', 'Notification URL', is(rules.publicUrl)],
	['validTo', 'Valid Until', is(rules.expiry)],
	['blikCode', 'BLIK Code', is(rules.sixDigits)],
	['customer.firstName', 'Customer First Name', name],
	['customer.lastName', 'Customer Last Name', name],
	['customer.email', 'Customer Email', is(rules.maxLength(200), rules.email)],
	['customer.phone', 'Customer Phone', is(rules.maxLength(20), rules.pattern(PHONE, 'digits, spaces, + and -'))],
	['customer.cid', 'Customer ID (cid)', is(rules.maxLength(36), rules.pattern(CID, 'letters, digits and -'))],
	['customer.company', 'Customer Company', is(rules.maxLength(200))],
	['customer.locale', 'Customer Language', is(rules.oneOf(LOCALES))],
	['billing.firstName', 'Billing First Name', name],
	['billing.lastName', 'Billing Last Name', name],
	['shipping.firstName', 'Shipping First Name', name],
	['shipping.lastName', 'Shipping Last Name', name],
	['cart.items[].amount', 'Cart Item Net Amount', is(rules.nonNegativeInteger)],
	// Profile debit nests multipayout under `data`; the rules are the same.
	...['multipayout', 'data.multipayout'].flatMap((base): Array<[string, string, Rule[]]> => [
		[`${base}[].ban`, 'Multipayout Bank Account', is(rules.bankAccount)],
		[`${base}[].amount`, 'Multipayout Amount', is(rules.positiveInteger)],
		[`${base}[].label`, 'Multipayout Recipient Name', is(rules.maxLength(70), rules.pattern(LABEL, 'letters, digits, spaces and - , . \' "'))],
		[`${base}[].title`, 'Multipayout Transfer Title', is(rules.maxLength(105))],
	]),
	['invoice.buyer.email', 'Invoice Buyer Email', is(rules.maxLength(200), rules.email)],
	['trustedIps[]', 'IP Addresses', is(rules.ip)],
];

/** Rules that tie two fields together. */
const BODY_RULES: Array<[string, (body: IDataObject) => string | undefined]> = [
	['Client IP', (body) => (body.blikCode !== undefined && !body.clientIp ? 'is required when a BLIK code is sent (the payer\'s real IP address)' : undefined)],
	['Currency', (body) => {
		const payouts = body.multipayout ?? (body.data as IDataObject | undefined)?.multipayout;
		return Array.isArray(payouts) && payouts.length > 0 && body.currency !== 'PLN'
			? `must be PLN when Multipayout is used (it is ${String(body.currency)})`
			: undefined;
	}],
];

/** Every value at a path; `[]` fans out over an array. The index is 1-based for people. */
type Found = { value: unknown; index?: number };

function valuesAt(body: unknown, path: string): Found[] {
	let found: Found[] = [{ value: body }];
	for (const segment of path.split('.')) {
		const key = segment.replace('[]', '');
		const fanOut = segment.endsWith('[]');
		found = found.flatMap(({ value, index }): Found[] => {
			if (value === null || typeof value !== 'object' || !(key in value)) return [];
			const next = (value as IDataObject)[key];
			if (!fanOut) return [{ value: next, index }];
			return Array.isArray(next) ? next.map((element, i) => ({ value: element, index: i + 1 })) : [];
		});
	}
	return found;
}

export function findProblems(body: IDataObject): Problem[] {
	const problems: Problem[] = [];
	for (const [path, label, checks] of FIELD_RULES) {
		for (const { value, index } of valuesAt(body, path)) {
			if (value === undefined) continue;
			const problem = checks.map((check) => check(value, body)).find(Boolean);
			if (problem) problems.push({ field: index ? `${label} (item ${index})` : label, problem });
		}
	}
	for (const [field, check] of BODY_RULES) {
		const problem = check(body);
		if (problem) problems.push({ field, problem });
	}
	return problems;
}

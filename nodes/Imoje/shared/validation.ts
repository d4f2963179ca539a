import type { IDataObject } from 'n8n-workflow';

import { labelled, typeName, valuesAt } from './body';
import type { Problem } from './body';
import { textProblem } from './fitText';
import { AMOUNTS } from './normalize';
import { CURRENCIES, LOCALES, PAYMENT_METHODS, CHANNEL_CODES, VISIBLE_METHODS } from './options';
import { LENGTH_RULES, TEXT_RULES } from './patterns';

/**
 * Checks a request body against imoje's documented rules before it is sent, so a
 * user sees which field is wrong instead of a round trip and a terse 422.
 * Pure: no n8n context, so every rule is unit-tested on its own.
 */

/** Returns what is wrong with the value, or undefined when it is fine. */
type Rule = (value: unknown, body: IDataObject) => string | undefined;

export type { Problem };

// seed 01-payment-link-create.txt:21 writes imoje's IDs as UUID v4; imoje's own example IDs
// (seed 02:296-297) are accepted by it in either case, so any UUID is let through.
/** Also the editor's check of By ID locators (locators.ts), which must be a string. */
export const UUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_SOURCE}$`);
// seed 01:56-60: RFC 5322 and RFC 6531 (letters of any script allowed), at most 200.
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
	oneOf: (allowed: readonly (string | number)[]) => (value: unknown) =>
		allowed.includes(value as string) ? undefined : `must be one of ${allowed.join(', ')}`,
	maxLength: (max: number) => (value: unknown) => {
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
const asText = (check: (value: string) => string | undefined): Rule => (value) =>
	typeof value === 'string' ? check(value) : `must be text, not ${typeName(value)}`;

/** Body path (`[]` = every element) -> the label users see in the node, and its rules. */
const FIELD_RULES: Array<[string, string, Rule[]]> = [
	['serviceId', 'Shop ID', is(rules.uuid)],
	['paymentId', 'Payment Link ID', is(rules.uuid)],
	['paymentProfileId', 'Payment Profile ID', is(rules.uuid)],
	// After conversion every amount is an integer; these catch what Extra Body Fields overrides.
	...AMOUNTS.map(([path, label, rule]): [string, string, Rule[]] => [
		path,
		label,
		is(!rule.whole ? rules.nonNegativeNumber : rule.min === 1 ? rules.positiveInteger : rules.nonNegativeInteger),
	]),
	['currency', 'Currency', is(rules.oneOf(CURRENCIES))],
	...TEXT_RULES.map(([path, label, rule]): [string, string, Rule[]] => [path, label, is(asText((value) => textProblem(value, rule)))]),
	...LENGTH_RULES.map(([path, label, max]): [string, string, Rule[]] => [path, label, is(asText((value) => rules.maxLength(max)(value)))]),
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
	['customer.email', 'Customer Email', is(rules.maxLength(200), rules.email)],
	['customer.locale', 'Customer Language', is(rules.oneOf(LOCALES))],
	// seed 01:277-279: a whole number, at least 1; seed 01:421-423: a number, at least 0.
	['cart.items[].quantity', 'Cart Item Quantity', is(rules.positiveWhole)],
	['invoice.positions[].quantity', 'Invoice Position Quantity', is(rules.nonNegativeNumber)],
	['installment.period', 'Installment Period', is(rules.positiveWhole)],
	...['multipayout', 'data.multipayout'].map((base): [string, string, Rule[]] => [`${base}[].ban`, 'Multipayout Bank Account', is(rules.bankAccount)]),
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

export function findProblems(body: IDataObject): Problem[] {
	const problems: Problem[] = [];
	for (const [path, label, checks] of FIELD_RULES) {
		for (const { value, index } of valuesAt(body, path)) {
			if (value === undefined) continue;
			const problem = checks.map((check) => check(value, body)).find(Boolean);
			if (problem) problems.push({ field: labelled(label, index), problem });
		}
	}
	for (const [field, check] of BODY_RULES) {
		const problem = check(body);
		if (problem) problems.push({ field, problem });
	}
	return problems;
}

import type { IDataObject } from 'n8n-workflow';

import { toSmallestUnit } from './amount';
import type { AmountRule, AmountUnit } from './amount';
import { labelled, prune, slotsAt, typeName } from './body';
import type { Problem } from './body';
import { fitText } from './fitText';
import { LENGTH_RULES, TEXT_RULES } from './patterns';

/**
 * Turns the body n8n built from the fields into the JSON types imoje documents, before
 * it is checked: IDs trimmed, numbers in text fields made text, amounts made integers
 * in the smallest unit, text fitted to imoje's characters (when asked), blank optional
 * values left out, and blank required ones reported as required.
 */

const payouts = ['multipayout', 'data.multipayout'];

/** IDs: imoje's UUIDs and the payer ID; spaces around them are never meant (seed 01:17-21, :68-72). */
const IDS: Array<[string, string]> = [
	['serviceId', 'Shop ID'],
	['paymentId', 'Payment Link ID'],
	['paymentProfileId', 'Payment Profile ID'],
	['customer.cid', 'Customer ID (Cid)'],
];

/** imoje types these `string` (seeds 01, 03, 04); a number from an expression is sent as its text. */
const TEXT: Array<[string, string]> = [
	...TEXT_RULES.map(([path, label]): [string, string] => [path, label]),
	...LENGTH_RULES.map(([path, label]): [string, string] => [path, label]),
	['customer.email', 'Customer Email'],
	['blikCode', 'BLIK Code'],
	['clientIp', 'Client IP'],
	['cart.items[].id', 'Cart Item Product ID'],
	['cart.items[].name', 'Cart Item Name'],
	['cart.items[].url', 'Cart Item Product URL'],
	['cart.items[].categoryId', 'Cart Item Category'],
	...payouts.map((base): [string, string] => [`${base}[].ban`, 'Multipayout Bank Account']),
	['invoice.buyer.email', 'Invoice Buyer Email'],
	['invoice.positions[].name', 'Invoice Position Name'],
	['invoice.positions[].code', 'Invoice Position Code'],
	['invoice.positions[].unit', 'Invoice Position Unit'],
	['invoice.invoiceId', 'Invoice Number'],
	['invoice.basisForVatExemption.text', 'Invoice Exemption Details'],
];

const positive: AmountRule = { min: 1, whole: true };
const zeroAllowed: AmountRule = { min: 0, whole: true };
const fractional: AmountRule = { min: 0, whole: false };

/** Every amount imoje takes (seed 01:23, :263-307, :321, :429-445; seed 03:42, :88). */
export const AMOUNTS: Array<[string, string, AmountRule]> = [
	['amount', 'Amount', positive],
	['cart.items[].amount', 'Cart Item Net Unit Amount', zeroAllowed],
	['cart.items[].tax', 'Cart Item Unit Tax', fractional],
	['cart.items[].discount.amount', 'Cart Item Discount Amount', zeroAllowed],
	['cart.items[].discount.tax', 'Cart Item Discount Tax', fractional],
	...payouts.map((base): [string, string, AmountRule] => [`${base}[].amount`, 'Multipayout Amount', positive]),
	['invoice.positions[].grossAmount', 'Invoice Position Unit Price', zeroAllowed],
	['invoice.positions[].discountAmount', 'Invoice Position Discount', zeroAllowed],
	['invoice.positions[].taxAmount', 'Invoice Position Tax Amount', zeroAllowed],
];

/** Counts typed as numbers (seed 01:277 cart quantity, :421 invoice quantity; installment period). */
const NUMBERS: Array<[string, string]> = [
	['cart.items[].quantity', 'Cart Item Quantity'],
	['invoice.positions[].quantity', 'Invoice Position Quantity'],
	['installment.period', 'Installment Period'],
];

/** Fields imoje requires once their object is sent (seed 01:17-83, :141-151, :253-285, :315-327, :343-437). */
const REQUIRED: Array<[string, string]> = [
	['orderId', 'Order ID'],
	['customer.firstName', 'Customer First Name'],
	['customer.lastName', 'Customer Last Name'],
	['customer.email', 'Customer Email'],
	...['billing', 'shipping'].flatMap((path): Array<[string, string]> => {
		const label = path === 'billing' ? 'Billing' : 'Shipping';
		return [[`${path}.firstName`, `${label} First Name`], [`${path}.lastName`, `${label} Last Name`]];
	}),
	['cart.items[].id', 'Cart Item Product ID'],
	['cart.items[].name', 'Cart Item Name'],
	['cart.items[].url', 'Cart Item Product URL'],
	['cart.items[].categoryId', 'Cart Item Category'],
	...payouts.flatMap((base): Array<[string, string]> => [[`${base}[].ban`, 'Multipayout Bank Account'], [`${base}[].label`, 'Multipayout Recipient Name']]),
	['invoice.buyer.email', 'Invoice Buyer Email'],
	['invoice.buyer.fullName', 'Invoice Buyer Full Name'],
	['invoice.buyer.street', 'Invoice Buyer Street'],
	['invoice.buyer.city', 'Invoice Buyer City'],
	['invoice.buyer.postalCode', 'Invoice Buyer Postal Code'],
	['invoice.buyer.countryCodeAlpha2', 'Invoice Buyer Country Code'],
	['invoice.positions[].name', 'Invoice Position Name'],
	['invoice.positions[].code', 'Invoice Position Code'],
	['invoice.positions[].unit', 'Invoice Position Unit'],
	...AMOUNTS.filter(([path]) => !path.includes('discount') && !path.endsWith('taxAmount')).map(([path, label]): [string, string] => [path, label]),
];

const RETURN_URLS: Array<[string, string]> = [
	['successReturnUrl', 'Success Return URL'],
	['failureReturnUrl', 'Failure Return URL'],
];

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export interface NormalizeOptions {
	unit: AmountUnit;
	fit: boolean;
	/** Transaction create requires the return URLs; a payment link does not (seed 01:114-124). */
	requireReturnUrls: boolean;
}

type Entry = [string, string, ...unknown[]];
type Visit<T extends Entry> = (slot: { holder: IDataObject; key: string }, label: string, value: unknown, entry: T) => void;

/** Calls `visit` for every value present at the listed paths, with the label users see. */
function visitAll<T extends Entry>(body: IDataObject, list: T[], visit: Visit<T>) {
	for (const entry of list) {
		for (const { holder, key, index } of slotsAt(body, entry[0])) {
			if (key in holder) visit({ holder, key }, labelled(entry[1], index), holder[key], entry);
		}
	}
}

/** Changes the body in place and returns it pruned, with the problems found (one per field). */
export function normalizeBody(body: IDataObject, options: NormalizeOptions): { body: IDataObject; problems: Problem[] } {
	const problems: Problem[] = [];
	const report = (field: string, problem: string) => problems.push({ field, problem });

	visitAll(body, IDS, ({ holder, key }, _label, value) => {
		if (typeof value === 'number') holder[key] = String(value);
		else if (typeof value === 'string') holder[key] = value.trim();
	});
	visitAll(body, TEXT, ({ holder, key }, label, value) => {
		if (typeof value === 'number') holder[key] = String(value);
		else if (value !== null && value !== undefined && typeof value !== 'string') report(label, `must be text, not ${typeName(value)}`);
	});
	if (options.fit) {
		visitAll(body, TEXT_RULES, ({ holder, key }, _label, value, [, , rule]) => {
			if (rule.fit && typeof value === 'string') holder[key] = fitText(value, rule);
		});
	}
	visitAll(body, options.requireReturnUrls ? [...REQUIRED, ...RETURN_URLS] : REQUIRED, (_slot, label, value) => {
		if (blank(value)) report(label, 'is required');
	});

	const pruned = prune(body);
	visitAll(pruned, AMOUNTS, ({ holder, key }, label, value, [, , rule]) => {
		const converted = toSmallestUnit(value, options.unit, rule);
		if (converted.problem !== undefined) report(label, converted.problem);
		else holder[key] = converted.amount;
	});
	visitAll(pruned, NUMBERS, ({ holder, key }, label, value) => {
		if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) holder[key] = Number(value);
		else if (typeof value !== 'number') report(label, `must be a number, not ${typeName(value)}`);
	});
	const seen = new Set<string>();
	return { body: pruned, problems: problems.filter(({ field }) => !seen.has(field) && !!seen.add(field)) };
}

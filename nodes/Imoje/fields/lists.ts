import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { amount, choice, element, elementParameter, field, group, list, text } from './field';
import type { BodyRule, Field } from './field';
import { buyerIdTypeOptions, buyerTypeOptions, cartTaxStakeOptions, invoiceTaxStakeOptions, productStateOptions, vatExemptionOptions } from './options';
import { TEXT, rules } from './rules';
import type { TextRule } from './rules';

/**
 * The nested bodies a payment can carry: cart, multipayout and invoice, each defined once
 * (docs/imoje-api.md#payment-link-create lists their fields and rules).
 */

/** An amount inside a list, in the unit chosen in "Amounts In". */
const elementAmount = (displayName: string, path: string, description: string, rule: { min: 0 | 1; whole: boolean }, required = true) => {
	const made = amount({ displayName, name: elementParameter(path), path, routed: false, required, rule, inList: true, description: `${description} Written as chosen in "Amounts In".` });
	if (!required) made.facts[0].omitEmpty = true;
	return made;
};

const elementText = (displayName: string, path: string, rule?: TextRule, extra: Partial<INodeProperties> & { required?: boolean } = { required: true }) =>
	element({ displayName, path, ...extra }, { kind: 'text', text: rule, omitEmpty: !extra.required });

/** The ordered products; imoje requires them for ING Lease Now. */
export const cart: Field = list({
	name: 'cart',
	displayName: 'Cart',
	path: 'cart.items',
	section: 'items',
	sectionName: 'Item',
	itemLabel: 'Cart Item',
	placeholder: 'Add Cart Item',
	description: 'The ordered products. Required when ING Lease Now is active in the shop.',
	elements: [
		elementText('Product ID', 'id'),
		elementText('Name', 'name'),
		elementAmount('Net Unit Amount', 'amount', 'Net price of one unit; 0 is allowed.', { min: 0, whole: true }),
		elementAmount('Unit Tax', 'tax', 'Tax on one unit.', { min: 0, whole: false }),
		element({ displayName: 'Tax Rate', path: 'taxStake', type: 'options', default: 23, options: cartTaxStakeOptions, required: true }, { kind: 'value' }),
		element(
			{ displayName: 'Quantity', path: 'quantity', type: 'number', default: 1, description: 'A whole number, at least 1', required: true },
			{ kind: 'count', rules: [rules.positiveWhole] },
		),
		elementText('Product URL', 'url'),
		elementText('Category', 'categoryId'),
		elementText('Unit', 'unit', TEXT.length(35), { description: 'e.g. pcs, kg; at most 35 characters' }),
		element({ displayName: 'Condition', path: 'state', type: 'options', options: [{ name: 'Not Given', value: '' }, ...productStateOptions] }, { kind: 'value', omitEmpty: true }),
		elementAmount('Discount Amount', 'discount.amount', 'Leave empty for no discount.', { min: 0, whole: true }, false),
		elementAmount('Discount Tax', 'discount.tax', 'Tax on the discount.', { min: 0, whole: false }, false),
	],
});

/**
 * Splits the payment between bank accounts (PLN only, with multipayout active for the
 * shop). A payment link takes it as `multipayout`; a profile debit and a transaction as
 * `data.multipayout` (docs/imoje-api.md#corrections).
 */
export function multipayout(path: 'multipayout' | 'data.multipayout'): Field {
	return list({
		name: 'multipayout',
		displayName: 'Multipayout',
		path,
		section: 'payouts',
		sectionName: 'Payout',
		itemLabel: 'Multipayout',
		placeholder: 'Add Payout',
		description: 'Accounts the funds are paid out to. PLN only; multipayout must be active for the shop.',
		elements: [
			element(
				{ displayName: 'Bank Account', path: 'ban', required: true, placeholder: 'e.g. 61109010140000071219812874', description: 'Polish account number: 26 digits, no spaces, no PL' },
				{ kind: 'text', rules: [rules.bankAccount] },
			),
			elementAmount('Amount', 'amount', 'The amount paid out to this account.', { min: 1, whole: true }),
			element({ displayName: 'Recipient Name', path: 'label', required: true, description: 'At most 70 characters' }, { kind: 'text', text: TEXT.payoutLabel, rules: [] }),
			element(
				{ displayName: 'Transfer Title', path: 'title', description: 'Shows the payout separately on the recipient\'s account. Give it for every payout or for none. At most 105 characters.' },
				{ kind: 'text', text: TEXT.payoutTitle, omitEmpty: true },
			),
		],
	});
}

/** imoje pays out in PLN only. */
export const multipayoutInPln: BodyRule = [
	'Currency',
	(body) => {
		const payouts = body.multipayout ?? (body.data as IDataObject | undefined)?.multipayout;
		return Array.isArray(payouts) && payouts.length > 0 && body.currency !== 'PLN'
			? `must be PLN when Multipayout is used (it is ${String(body.currency)})`
			: undefined;
	},
];

const buyer = (displayName: string, name: string, rule?: TextRule, extra: Partial<INodeProperties> & { required?: boolean } = {}) =>
	text(
		{ displayName: `Buyer ${displayName}`, name: `buyer${name[0].toUpperCase()}${name.slice(1)}`, path: `invoice.buyer.${name}`, label: `Invoice Buyer ${displayName}`, required: true, rule, ...extra },
		{ omitEmpty: extra.required === false },
	);

const positions: Field = list({
	name: 'positions',
	displayName: 'Positions',
	path: 'invoice.positions',
	section: 'position',
	sectionName: 'Position',
	itemLabel: 'Invoice Position',
	placeholder: 'Add Position',
	elements: [
		elementText('Name', 'name'),
		elementText('Code', 'code', undefined, { required: true, description: 'Your product code' }),
		element(
			{ displayName: 'Quantity', path: 'quantity', type: 'number', default: 1, description: '0 or more', required: true },
			{ kind: 'count', rules: [rules.nonNegativeNumber] },
		),
		elementText('Unit', 'unit', undefined, { required: true, placeholder: 'e.g. pcs' }),
		elementAmount('Unit Price', 'grossAmount', 'Gross price of one unit.', { min: 0, whole: true }),
		element({ displayName: 'Tax Rate', path: 'taxStake', type: 'options', default: 'TAX_23', options: invoiceTaxStakeOptions, required: true }, { kind: 'value' }),
		elementAmount('Discount', 'discountAmount', 'Discount amount. Leave empty for no discount.', { min: 0, whole: true }, false),
		elementAmount('Tax Amount', 'taxAmount', 'Needed only for Split Payment; leave empty otherwise.', { min: 0, whole: true }, false),
	],
});

/**
 * Invoice data for ING Księgowość and Split Payment: buyer, positions, and the VAT
 * exemption basis, sent as `invoice` by every operation that takes it.
 */
export const invoice: Field = group({
	name: 'invoice',
	displayName: 'Invoice',
	inner: 'details',
	innerName: 'Invoice',
	description: 'Required when ING Księgowość is active for the shop, and for Split Payment',
	fields: [
		choice({ displayName: 'Buyer Type', name: 'buyerType', path: 'invoice.buyer.type', required: true, default: 'PERSON', options: buyerTypeOptions }),
		field(
			{ displayName: 'Buyer Email', name: 'buyerEmail', path: 'invoice.buyer.email', required: true, placeholder: 'name@email.com' },
			{ kind: 'text', rules: [rules.maxLength(200), rules.email] },
		),
		buyer('Full Name', 'fullName', TEXT.name(200), { description: 'Name and surname, or the company name' }),
		buyer('Street', 'street', TEXT.buyerAddress(200)),
		buyer('City', 'city', TEXT.buyerAddress(100)),
		buyer('Postal Code', 'postalCode', TEXT.length(30)),
		buyer('Country', 'countryCodeAlpha2', TEXT.length(2), { placeholder: 'e.g. PL', description: 'Two-letter ISO 3166 code of the buyer\'s country' }),
		choice(
			{
				displayName: 'Buyer ID Type',
				name: 'buyerIdType',
				path: 'invoice.buyer.idType',
				options: [{ name: 'Not Given', value: '' }, ...buyerIdTypeOptions],
				allowEmpty: true,
				description: 'Required for a company buyer',
			},
			{ label: 'Invoice Buyer ID Type' },
		),
		buyer('ID Number', 'idNumber', TEXT.length(30), { required: false, description: 'NIP or PESEL; required for a company buyer' }),
		buyer('ID Country', 'idCountryCodeAlpha2', TEXT.length(2), { required: false, placeholder: 'e.g. PL', description: 'Required when the ID type is NIP (VAT ID)' }),
		positions,
		field(
			{ displayName: 'Issue Invoice', name: 'issueInvoice', path: 'invoice.issueInvoice', type: 'boolean', default: false, description: 'Whether imoje issues and sends the invoice by itself' },
			{ kind: 'value' },
		),
		text({ displayName: 'Invoice Number', name: 'invoiceId', path: 'invoice.invoiceId', description: 'Needed only for Split Payment', }, { omitEmpty: true }),
		choice(
			{
				displayName: 'VAT Exemption',
				name: 'vatExemptionType',
				path: 'invoice.basisForVatExemption.type',
				options: [{ name: 'None', value: '' }, ...vatExemptionOptions].sort((a, b) => a.name.localeCompare(b.name)),
				allowEmpty: true,
				description: 'The legal basis on which the sale is exempt from VAT, if it is',
			},
			{ label: 'Invoice VAT Exemption' },
		),
		text(
			{
				displayName: 'Exemption Details',
				name: 'vatExemptionText',
				path: 'invoice.basisForVatExemption.text',
				label: 'Invoice Exemption Details',
				description: 'What the VAT exemption rests on, in words. Required when VAT Exemption is Other.',
			},
			{ omitEmpty: true },
		),
	],
});

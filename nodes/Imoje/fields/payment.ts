import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { amount, choice, field, group, text } from './field';
import type { Field } from './field';
import { CURRENCIES, currencyOptions, localeOptions, visibleMethodOptions } from './options';
import { TEXT, rules } from './rules';
import { waitStepUrl } from '../wait/address';

/**
 * The fields of a new payment, defined once for payment link create, transaction create
 * and profile debit (docs/imoje-api.md#payment-link-create, #transaction-create,
 * #payment-profiles). Each operation file lists the ones it takes.
 */

/** How every amount of the operation is written: see amount.ts for the conversion. */
export const amountUnit: INodeProperties = {
	displayName: 'Amounts In',
	name: 'amountUnit',
	type: 'options',
	default: 'smallest',
	options: [
		{ name: 'Main Unit With Decimals (12.50)', value: 'main', description: 'At most 2 decimals, with a dot; converted exactly to the smallest unit' },
		{ name: 'Smallest Unit (Grosze, Cents: 1250)', value: 'smallest', description: 'The unit imoje uses: whole numbers, 1250 means 12.50 PLN' },
	],
	description: 'How every amount of this operation is written: the amount and any cart, multipayout or invoice amounts',
};

export const paymentAmount = amount({
	name: 'amount',
	displayName: 'Amount',
	required: true,
	description: 'The amount of the payment or refund; for payment methods, the amount to pay (methods whose limits exclude it are left out).',
	rule: { min: 1, whole: true },
});

export const currency = choice({ name: 'currency', displayName: 'Currency', required: true, default: 'PLN', options: currencyOptions }, { rules: [rules.oneOf(CURRENCIES)] });

export const orderId = text({
	name: 'orderId',
	displayName: 'Order ID',
	required: true,
	placeholder: 'e.g. ORDER-2026-0042',
	description: 'Your own reference for the order. At most 100 characters: letters, digits, spaces and # _ - . / \\.',
	rule: TEXT.orderId,
});

/** On by default: text imoje would refuse is fitted to its rules (see fitText.ts). */
export const fitText: INodeProperties = {
	// n8n's lint wants title case in labels: "Imoje" here, and errors quote the label as shown.
	displayName: 'Fit Text to Imoje\'s Rules',
	name: 'fitText',
	type: 'boolean',
	default: true,
	description:
		'Whether to change text imoje would refuse so that it passes: letters a field does not take become plain ones (Łódź → Lodz in an address), other refused characters become spaces ("ul. Piotrkowska 12/3" → "ul Piotrkowska 12 3", "+48 (600) 700-800" → "+48 600 700-800", O’Brien → O\'Brien), and text is cut to imoje\'s maximum length (a phone number never is). Order ID and Customer ID are never changed. Off: text is sent as typed, and text imoje refuses stops the node, naming the field.',
};

const customerText = (displayName: string, name: string, property: string, rule: Parameters<typeof text>[0]['rule'], extra: Partial<INodeProperties> & { required?: boolean } = {}, kind: 'text' | 'id' = 'text') =>
	text({ displayName, name, path: `customer.${property}`, rule, ...extra }, { kind });

/** The payer: imoje requires first name, last name and e-mail, so they are top-level fields. */
export const customerFirstName = customerText('Customer First Name', 'customerFirstName', 'firstName', TEXT.name(100), { required: true, description: 'At most 100 characters' });
export const customerLastName = customerText('Customer Last Name', 'customerLastName', 'lastName', TEXT.name(100), { required: true, description: 'At most 100 characters' });
export const customerEmail = field(
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		path: 'customer.email',
		required: true,
		placeholder: 'name@email.com',
		description: 'imoje sends the payment confirmation here. At most 200 characters.',
	},
	{ kind: 'text', rules: [rules.maxLength(200), rules.email] },
);

/** The payer's optional details, for Additional Fields. */
export const customerOptions: Field[] = [
	customerText('Customer Company', 'customerCompany', 'company', TEXT.company, { description: 'At most 200 characters' }),
	customerText(
		'Customer ID (Cid)',
		'customerCid',
		'cid',
		TEXT.cid,
		{ description: 'Your ID for the payer, required to save a card for OneClick or recurring payments. At most 36 letters, digits and -.' },
		// An ID: trimmed, never fitted.
		'id',
	),
	choice({
		displayName: 'Customer Language',
		name: 'customerLocale',
		path: 'customer.locale',
		default: 'pl',
		options: localeOptions,
		description: 'Language of the payment page and of imoje\'s e-mails to the payer',
	}),
	customerText('Customer Phone', 'customerPhone', 'phone', TEXT.phone, { placeholder: 'e.g. +48 501 501 501', description: 'Digits, spaces, + and -; at most 20 characters' }),
];

/** Billing or shipping address: imoje requires first and last name; the rest goes when filled in. */
export function address(path: 'billing' | 'shipping'): Field {
	const label = path === 'billing' ? 'Billing' : 'Shipping';
	const line = (displayName: string, name: string, rule: Parameters<typeof text>[0]['rule'], extra: Partial<INodeProperties> & { required?: boolean } = {}) =>
		text({ displayName, name, path: `${path}.${name}`, label: `${label} ${displayName}`, rule, ...extra }, { omitEmpty: !extra.required });
	return group({
		name: path,
		displayName: `${label} Address`,
		inner: 'address',
		innerName: 'Address',
		fields: [
			line('First Name', 'firstName', TEXT.name(100), { required: true }),
			line('Last Name', 'lastName', TEXT.name(100), { required: true }),
			line('Company', 'company', path === 'billing' ? TEXT.company : TEXT.shippingCompany),
			line('Street', 'street', TEXT.address(200), { description: 'Street and number, at most 200 characters' }),
			line('City', 'city', TEXT.address(100)),
			line('Region', 'region', TEXT.address(100)),
			line('Postal Code', 'postalCode', TEXT.length(30), { placeholder: 'e.g. 00-950' }),
			line('Country Code', 'countryCodeAlpha2', TEXT.length(2), { placeholder: 'e.g. PL', description: 'Two-letter ISO 3166 code' }),
			...(path === 'billing' ? [line('Tax ID', 'taxId', TEXT.length(12), { description: 'NIP or other tax number, at most 12 characters' })] : []),
		],
	});
}

export const title = text({ displayName: 'Title', name: 'title', description: 'Shown to the payer and on the bank transfer. At most 255 characters.', rule: TEXT.title });
export const additionalDescription = text({
	displayName: 'Additional Description',
	name: 'additionalDescription',
	description: 'Details of the ordered products or services. At most 255 characters.',
	rule: TEXT.description,
});

const url = (displayName: string, name: string, description: string, rule = rules.url, required = false) =>
	field(
		{ displayName, name, required, placeholder: 'e.g. https://shop.example.com/…', description: `${description} A full URL, at most 300 characters.` },
		{ kind: 'text', rules: [rule] },
	);

export const notificationUrl = url(
	'Notification URL',
	'notificationUrl',
	'Where imoje sends status notifications for this payment, instead of the shop\'s address. Use the URL of an imoje Trigger node. imoje calls only public addresses, without localhost or a port number.',
);

/** "Notify Wait for Payment Step": the payment's notificationUrl becomes the address that resumes this execution's wait. */
function toWaitStep(body: IDataObject, value: unknown, context: IExecuteSingleFunctions): string | undefined {
	delete body.notifyWaitStep;
	if (value !== true) return undefined;
	if (body.notificationUrl !== undefined) return 'cannot be combined with "Notification URL"; remove one of them';
	body.notificationUrl = waitStepUrl(context);
	return undefined;
}

export const notifyWaitStep = field(
	{
		displayName: 'Notify Wait for Payment Step',
		name: 'notifyWaitStep',
		type: 'boolean',
		default: true,
		description:
			'Whether imoje sends this payment\'s notifications to the imoje Wait for Payment step later in this workflow instead of the shop\'s address (an imoje Trigger there does not hear of this payment). Other payments are unaffected.',
	},
	{ kind: 'value', apply: toWaitStep },
);
export const successReturnUrl = (required = false) => url('Success Return URL', 'successReturnUrl', 'Where the payer lands after a successful payment.', rules.url, required);
export const failureReturnUrl = (required = false) => url('Failure Return URL', 'failureReturnUrl', 'Where the payer lands after a failed payment.', rules.url, required);
export const returnUrl = url('Return URL', 'returnUrl', 'Where the payer lands when the outcome is not known yet.');

/** "Never Expires" sends `validTo: null`, which imoje reads as "this payment does not expire". */
function neverExpire(body: IDataObject, value: unknown): string | undefined {
	delete body.neverExpires;
	if (value !== true) return undefined;
	if (body.validTo !== undefined && body.validTo !== null) return 'cannot be combined with "Valid Until"; remove one of them';
	body.validTo = null;
	return undefined;
}

/** validTo: the date is sent as unix seconds, read in the workflow's time zone. */
export const expiry: Field[] = [
	{
		properties: [
			{
				displayName: 'Valid Until',
				name: 'validTo',
				type: 'dateTime',
				default: '',
				description: 'When the unpaid payment expires; at least 60 seconds from now. Leave out for the shop\'s setting (at most 15 months).',
				routing: {
					send: {
						type: 'body',
						property: 'validTo',
						// Runs only when the field is used: a date becomes unix seconds in the workflow's time zone.
						value: '={{ /^\\d+$/.test(String($value)) ? Number($value) : Math.floor(DateTime.fromISO(String($value)).toSeconds()) }}',
					},
				},
			},
		],
		facts: [{ path: 'validTo', label: 'Valid Until', kind: 'value', rules: [rules.expiry] }],
	},
	field(
		{
			displayName: 'Never Expires',
			name: 'neverExpires',
			type: 'boolean',
			default: true,
			description: 'Whether the payment stays payable forever, ignoring the shop\'s "Payment activity" setting',
		},
		{ kind: 'value', apply: neverExpire },
	),
];

export const visibleMethod = field(
	{
		displayName: 'Visible Methods',
		name: 'visibleMethod',
		type: 'multiOptions',
		default: [],
		options: visibleMethodOptions,
		description: 'Payment methods the payer may switch to on the payment page. None selected: all methods enabled in the shop.',
	},
	{ kind: 'value', rules: [(value) => (Array.isArray(value) ? value.map(rules.oneOf(visibleMethodOptions.map((o) => o.value as string))).find(Boolean) : undefined)] },
);

/** A JSON object typed by the user: read by prepare (not routed), which names the field when it is broken. */
const json = (property: INodeProperties, into?: string): Field => ({
	properties: [property],
	facts: [{ path: `additionalFields.${property.name}`, label: property.displayName, kind: 'json', into }],
});

/** Fields of imoje's API reference with no form here, merged into the body last, so they win. */
export const extraBody = json({
	displayName: 'Extra Body Fields (JSON)',
	name: 'extraBody',
	type: 'json',
	default: '{}',
	description: 'Fields of imoje\'s API reference with no form here (such as browser data for 3-D Secure or wallet data), as a JSON object with imoje\'s names, e.g. {"installment": {"period": 3}}. Merged into the request body as sent to imoje (amounts in the smallest unit, text not fitted); it wins over the fields above.',
});

/**
 * Card registration and installments on transaction create. imoje's OneClick topic
 * registers a card "by passing an additional `card` and `additionalData` object"; their
 * sub-fields could not be confirmed from a source we can cite, so they are JSON with
 * imoje's names. `installment.period` is how imoje's WooCommerce plugin sends installments
 * (docs/imoje-api.md#corrections).
 */
export const cardAndInstallment: Field[] = [
	json(
		{
			displayName: 'Card Data (JSON)',
			name: 'card',
			type: 'json',
			default: '',
			description:
				'The card object imoje takes for a OneClick or recurring registration transaction made with the card data. Only with a PCI DSS certificate; the payer needs a Customer ID (Cid). Field names as in imoje\'s API reference.',
		},
		'card',
	),
	json(
		{
			displayName: 'Additional Data (JSON)',
			name: 'additionalData',
			type: 'json',
			default: '',
			description: 'The additionalData object imoje takes with Card Data in a OneClick or recurring registration transaction',
		},
		'additionalData',
	),
	field(
		{
			displayName: 'Installment Period',
			name: 'installmentPeriod',
			path: 'installment.period',
			type: 'number',
			default: 0,
			description: 'For imoje installments: the number of installments, sent as installment.period. 0 leaves it out.',
		},
		{ kind: 'count', omitEmpty: true, rules: [rules.positiveWhole] },
	),
];

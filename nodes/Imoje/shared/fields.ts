import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { registerOptional } from './bodyPaths';
import { neverExpire } from './hooks';
import { currencyOptions, visibleMethodOptions } from './options';

/**
 * Field builders shared by the operations. None of them carries displayOptions:
 * each operation file applies its own once, with updateDisplayOptions.
 */

/** Sends the value to a body path (dot paths land in nested objects). */
export const toBody = (property: string): INodePropertyRouting => ({ send: { type: 'body', property } });

/**
 * Like toBody, but an empty optional value (a blank text, a 0 amount) is left out of the
 * body: by prepareRequest, once per item, rather than by a `value` expression per field.
 */
export const toBodyUnlessEmpty = (property: string): INodePropertyRouting => {
	registerOptional(property);
	return toBody(property);
};

/**
 * How amounts are written in this operation. imoje takes whole numbers of the smallest
 * unit; the main unit with decimals is converted exactly (see amount.ts).
 */
export const amountUnitField: INodeProperties = {
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

/**
 * The amount, as text so that n8n's editor neither rounds it nor shows 1250 as "1,250";
 * the label carries the unit, hence one variant per unit (they share the value).
 */
export const amountField = (description: string): INodeProperties[] =>
	([
		['smallest', 'Amount in Smallest Unit', 'e.g. 1250', 'In grosze or cents, a whole number: 1250 means 12.50 PLN.'],
		['main', 'Amount in Main Unit', 'e.g. 12.50', 'At most 2 decimals, with a dot: 12.50 means 12.50 PLN.'],
	] as const).map(([unit, displayName, placeholder, unitText]) => ({
		displayName,
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description: [description, unitText, '0, negative amounts and fractions of the smallest unit are refused.'].join(' '),
		displayOptions: { show: { amountUnit: [unit] } },
		routing: toBody('amount'),
	}));

/**
 * The amount of a payment or a refund, one text for all of them so that they share one
 * property (see shareFields); only Payment Method's Get Many says something else.
 */
export const paymentAmountFields = amountField('The amount of the payment, or of the refund (at most what was paid and not yet refunded).');

/** On by default: text imoje would refuse is fitted to its rules (see fitText.ts). */
export const fitTextField: INodeProperties = {
	displayName: 'Fit Text to Imoje\'s Rules',
	name: 'fitText',
	type: 'boolean',
	default: true,
	description:
		'Whether to change text imoje would refuse so that it passes: letters a field does not take become plain ones (Łódź → Lodz in an address), other refused characters become spaces ("ul. Piotrkowska 12/3" → "ul Piotrkowska 12 3", "+48 (600) 700-800" → "+48 600 700-800", O’Brien → O\'Brien), and text is cut to imoje\'s maximum length (a phone number never is). Order ID and Customer ID are never changed. Off: text is sent as typed, and text imoje refuses stops the node, naming the field.',
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'options',
	required: true,
	default: 'PLN',
	options: currencyOptions,
	routing: toBody('currency'),
};

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ORDER-2026-0042',
	description: 'Your own reference for the order. At most 100 characters: letters, digits, spaces and # _ - . / \\.',
	routing: toBody('orderId'),
};

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	routing: toBody(name),
});

export const titleOption = text('Title', 'title', 'Shown to the payer and on the bank transfer. At most 255 characters.');
export const descriptionOption = text(
	'Additional Description',
	'additionalDescription',
	'Details of the ordered products or services. At most 255 characters.',
);

const urlOption = (displayName: string, name: string, description: string): INodeProperties => ({
	...text(displayName, name, `${description} A full URL, at most 300 characters.`),
	placeholder: 'e.g. https://shop.example.com/…',
});

export const notificationUrlOption = urlOption(
	'Notification URL',
	'notificationUrl',
	'Where imoje sends status notifications for this payment, instead of the shop\'s address. Use the URL of an imoje Trigger node. imoje rejects addresses with localhost or a port number.',
);
export const successUrlOption = urlOption('Success Return URL', 'successReturnUrl', 'Where the payer lands after a successful payment.');
export const failureUrlOption = urlOption('Failure Return URL', 'failureReturnUrl', 'Where the payer lands after a failed payment.');
export const returnUrlOption = urlOption('Return URL', 'returnUrl', 'Where the payer lands when the outcome is not known yet.');

/** validTo: the date is sent as unix seconds, read in the workflow's time zone. */
export const expiryOptions: INodeProperties[] = [
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
				value: '={{ /^\\d+$/.test(String($value)) ? Number($value) : Math.floor(DateTime.fromISO(String($value)).toSeconds()) }}',
			},
		},
	},
	{
		displayName: 'Never Expires',
		name: 'neverExpires',
		type: 'boolean',
		default: true,
		description: 'Whether the payment stays payable forever, ignoring the shop\'s "Payment activity" setting',
		routing: { send: { preSend: [neverExpire] } },
	},
];

export const visibleMethodOption: INodeProperties = {
	displayName: 'Visible Methods',
	name: 'visibleMethod',
	type: 'multiOptions',
	default: [],
	options: visibleMethodOptions,
	description: 'Payment methods the payer may switch to on the payment page. None selected: all methods enabled in the shop.',
	routing: toBody('visibleMethod'),
};


/**
 * Method and channel come from the chosen shop (`GET /service/{id}`), so only what the
 * shop has active and online is offered, and the channels follow the method. An
 * expression still works for values decided at run time.
 */
export const paymentMethodField: INodeProperties = {
	displayName: 'Payment Method Name or ID',
	name: 'paymentMethod',
	type: 'options',
	required: true,
	default: '',
	typeOptions: { loadOptionsMethod: 'getPaymentMethods', loadOptionsDependsOn: ['shop.value', 'currency'] },
	description: 'The methods the shop has active in this currency. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: toBody('paymentMethod'),
};
export const paymentChannelField: INodeProperties = {
	displayName: 'Payment Channel Name or ID',
	name: 'paymentMethodCode',
	type: 'options',
	required: true,
	default: '',
	typeOptions: { loadOptionsMethod: 'getPaymentChannels', loadOptionsDependsOn: ['shop.value', 'currency', 'paymentMethod'] },
	description: 'The shop\'s active channels of the chosen method (bank, card, wallet), with their amount limits. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: toBody('paymentMethodCode'),
};

export const preselectChannelOption: INodeProperties = {
	displayName: 'Preselected Channel Name or ID',
	name: 'preselectMethodCode',
	type: 'options',
	default: '',
	typeOptions: { loadOptionsMethod: 'getPaymentChannels', loadOptionsDependsOn: ['shop.value', 'currency'] },
	description: 'The channel already selected when the payment page opens. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: toBodyUnlessEmpty('preselectMethodCode'),
};

export const extraBodyOption: INodeProperties = {
	displayName: 'Extra Body Fields (JSON)',
	name: 'extraBody',
	type: 'json',
	default: '{}',
	description: 'Fields of imoje\'s API reference with no form here (such as browser data for 3-D Secure or wallet data), as a JSON object with imoje\'s names, e.g. {"installment": {"period": 3}}. Merged into the request body as sent to imoje (amounts in the smallest unit, text not fitted); it wins over the fields above.',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return the object inside imoje\'s wrapper (transaction, payment, service, paymentProfile) and one item per list element, instead of the answer as imoje sent it',
};

/**
 * An ID in the URL path (or a body value under the parameter's own name): a `{parameter}`
 * placeholder that prepareRequest fills with the parameter, trimmed (and encoded in the
 * path). A plain string, so no expression runs per item; its field checks it with requireImojeId.
 */
export const pathId = (parameter: string) => `{${parameter}}`;

/** The "Additional Fields" collection every operation keeps its optional fields in. */
export const additionalFields = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options,
});

/** A resource's operation selector, shown only for that resource. */
export const operationsOf = (
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options,
	default: defaultOperation,
});

import { field, plain } from '../../fields/field';
import type { BodyRule, Field, Operation } from '../../fields/field';
import { shopInBody } from '../../fields/ids';
import { invoice, multipayout, multipayoutInPln } from '../../fields/lists';
import { paymentChannel, paymentMethod } from '../../fields/methods';
import {
	additionalDescription,
	address,
	amountUnit,
	cardAndInstallment,
	currency,
	customerEmail,
	customerFirstName,
	customerLastName,
	customerOptions,
	expiry,
	extraBody,
	failureReturnUrl,
	fitText,
	notificationUrl,
	notifyWaitStep,
	orderId,
	paymentAmount,
	successReturnUrl,
	title,
	visibleMethod,
} from '../../fields/payment';
import { rules } from '../../fields/rules';
import { additionalFields, additionalOptions, ownProperties } from '../operation';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** BLIK paid without leaving the shop's page needs the payer's real IP address. */
const blikNeedsClientIp: BodyRule = [
	'Client IP',
	(body) => (body.blikCode !== undefined && !body.clientIp ? 'is required when a BLIK code is sent (the payer\'s real IP address)' : undefined),
];

const optional = [
	additionalDescription,
	address('billing'),
	field(
		{
			displayName: 'BLIK Code',
			name: 'blikCode',
			placeholder: 'e.g. 777123',
			description: 'The 6-digit code from the payer\'s banking app, for BLIK paid without leaving your page. Needs Client IP.',
		},
		{ kind: 'text', rules: [rules.sixDigits] },
	),
	...cardAndInstallment,
	field(
		{ displayName: 'Client IP', name: 'clientIp', placeholder: 'e.g. 203.0.113.7', description: 'The payer\'s real IPv4 or IPv6 address; required with a BLIK code' },
		{ kind: 'text' },
	),
	...customerOptions,
	extraBody,
	invoice,
	// Transaction create lists no top-level multipayout; it goes in `data` (docs/imoje-api.md#corrections).
	multipayout('data.multipayout'),
	...expiry,
	notificationUrl,
	notifyWaitStep,
	address('shipping'),
	title,
	visibleMethod,
];

/** Fields only a transaction takes: imoje starts it in a chosen channel and returns the payer to the shop. */
const own = [
	paymentMethod,
	paymentChannel,
	// Optional for a payment link, required when starting a transaction.
	successReturnUrl(true),
	failureReturnUrl(true),
];

/** POST /transaction: a payment in a chosen method and channel (docs/imoje-api.md#transaction-create). */
const fields: Field[] = [
		plain(amountUnit),
		paymentAmount,
		currency,
		orderId,
		...own,
		customerFirstName,
		customerLastName,
		customerEmail,
		shopInBody,
		plain(fitText),
		additionalFields(optional),
	];

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create transaction',
		description: 'Start a payment in a chosen method and channel (BLIK, bank, card…)',
		routing: {
			request: { method: 'POST', url: '/transaction', body: { type: 'sale' } },
			send: { preSend: [prepare(fields, [blikNeedsClientIp, multipayoutInPln])] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Create transaction in imoje.',
};

export const createProperties = ownProperties('transaction', 'create', own);
export const createOptions = additionalOptions('transaction', 'create', optional);


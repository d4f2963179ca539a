import { field, plain } from '../../fields/field';
import { shopInBody } from '../../fields/ids';
import { cart, invoice, multipayout, multipayoutInPln } from '../../fields/lists';
import { preselectedChannel } from '../../fields/methods';
import {
	additionalDescription,
	address,
	amountUnit,
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
	returnUrl,
	successReturnUrl,
	title,
	visibleMethod,
} from '../../fields/payment';
import { additionalFields, additionalOptions } from '../operation';
import type { Field, Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** Optional fields, in Additional Fields. */
const optional = [
	additionalDescription,
	address('billing'),
	cart,
	...customerOptions,
	extraBody,
	failureReturnUrl(),
	invoice,
	multipayout('multipayout'),
	...expiry,
	notificationUrl,
	notifyWaitStep,
	field(
		{
			displayName: 'Generate KSeF Payment ID',
			name: 'isKsef',
			type: 'boolean',
			default: true,
			description: 'Whether imoje generates a KSeF payment identifier (IPKSeF) for this payment',
		},
		{ kind: 'value' },
	),
	preselectedChannel,
	returnUrl,
	address('shipping'),
	successReturnUrl(),
	title,
	visibleMethod,
];

/** POST /payment: a link to imoje's payment page, to send to the payer (docs/imoje-api.md#payment-link-create). */
const fields: Field[] = [plain(amountUnit), paymentAmount, currency, orderId, customerFirstName, customerLastName, customerEmail, shopInBody, plain(fitText), additionalFields(optional)];

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create payment link',
		description: 'Create a link to imoje\'s payment page, to send to the payer',
		routing: {
			request: { method: 'POST', url: '/payment' },
			send: { preSend: [prepare(fields, [multipayoutInPln])] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Creates an imoje payment link for one payer and returns it: give the payer its url.',
};

export const createOptions = additionalOptions('paymentLink', 'create', optional);

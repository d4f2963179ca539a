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
	orderId,
	paymentAmount,
	returnUrl,
	successReturnUrl,
	title,
	visibleMethod,
} from '../../fields/payment';
import { additionalFields, additionalOptions, operation } from '../operation';

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
export const create = operation({
	name: 'Create',
	value: 'create',
	action: 'Create payment link',
	description: 'Create a link to imoje\'s payment page, to send to the payer',
	request: { method: 'POST', url: '/payment' },
	fields: [plain(amountUnit), paymentAmount, currency, orderId, customerFirstName, customerLastName, customerEmail, shopInBody, plain(fitText), additionalFields(optional)],
	rules: [multipayoutInPln],
});

export const createOptions = additionalOptions('paymentLink', 'create', optional);

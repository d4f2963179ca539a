import type { Field } from './field';
import { field } from './field';
import { CHANNEL_CODES, PAYMENT_METHODS } from './options';
import { rules } from './rules';

/**
 * Method and channel come from the chosen shop (`GET /service/{id}`), so only what the
 * shop has active and online is offered, and the channels follow the method. An
 * expression still works for values decided at run time; the value is checked against
 * imoje's documented codes (docs/imoje-api.md#transaction-create).
 */
export const paymentMethod: Field = field(
	{
		displayName: 'Payment Method Name or ID',
		name: 'paymentMethod',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getPaymentMethods', loadOptionsDependsOn: ['shop.value', 'currency'] },
		description: 'The methods the shop has active in this currency. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ kind: 'value', rules: [rules.oneOf(PAYMENT_METHODS)] },
);

/** The payment's channel: the shop's usable channels of the chosen method. */
export const paymentChannel: Field = field(
	{
		displayName: 'Payment Channel Name or ID',
		name: 'paymentMethodCode',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getPaymentChannels', loadOptionsDependsOn: ['shop.value', 'currency', 'paymentMethod'] },
		description:
			'The shop\'s active channels of the chosen method (bank, card, wallet), with their amount limits. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ kind: 'value', label: 'Payment Channel', rules: [rules.oneOf(CHANNEL_CODES)] },
);

/** The channel already selected when a payment link's page opens. */
export const preselectedChannel: Field = field(
	{
		displayName: 'Preselected Channel Name or ID',
		name: 'preselectMethodCode',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getPaymentChannels', loadOptionsDependsOn: ['shop.value', 'currency'] },
		description:
			'The channel already selected when the payment page opens. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ kind: 'value', label: 'Preselected Channel', omitEmpty: true, rules: [rules.oneOf(CHANNEL_CODES)] },
);

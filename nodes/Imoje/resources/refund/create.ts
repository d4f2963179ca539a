import { field, plain, text } from '../../fields/field';
import { shopInBody, transactionId } from '../../fields/ids';
import { amountUnit, fitText, paymentAmount } from '../../fields/payment';
import { TEXT } from '../../fields/rules';
import { additionalFields, additionalOptions } from '../operation';
import type { Field, Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

const optional = [
	field(
		{
			displayName: 'Send Confirmation Email',
			name: 'sendRefundConfirmationEmail',
			type: 'boolean',
			default: true,
			description: 'Whether imoje e-mails the payer that the refund was made',
		},
		{ kind: 'value' },
	),
	text({ displayName: 'Title', name: 'title', description: 'Title of the refund transfer. At most 255 characters.', rule: TEXT.title }),
];

/**
 * POST /transaction/{id}/refund: gives back all or part of a settled payment. imoje wants
 * at least 5 s between two refunds of one transaction (docs/imoje-api.md#refund-and-can-refund).
 */
const fields: Field[] = [transactionId, plain(amountUnit), paymentAmount, shopInBody, plain(fitText), additionalFields(optional)];

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Refund transaction',
		description: 'Give back all or part of a settled payment',
		routing: {
			request: { method: 'POST', url: '/transaction/{transactionId}/refund', body: { type: 'refund' } },
			send: { preSend: [prepare(fields)] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Refunds all or part of a settled imoje transaction, by its transaction ID. Wait at least 5 seconds between two refunds of one transaction.',
};

export const createOptions = additionalOptions('refund', 'create', optional);

import { field, plain, text } from '../../fields/field';
import { shopInBody, transactionId } from '../../fields/ids';
import { amountUnit, fitText, paymentAmount } from '../../fields/payment';
import { TEXT } from '../../fields/rules';
import { additionalFields, additionalOptions, operation } from '../operation';

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
export const create = operation({
	name: 'Create',
	value: 'create',
	action: 'Refund transaction',
	description: 'Give back all or part of a settled payment',
	request: { method: 'POST', url: '/transaction/{transactionId}/refund', body: { type: 'refund' } },
	fields: [transactionId, plain(amountUnit), paymentAmount, shopInBody, plain(fitText), additionalFields(optional)],
});

export const createOptions = additionalOptions('refund', 'create', optional);

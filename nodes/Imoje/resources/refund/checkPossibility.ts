import { plain } from '../../fields/field';
import { transactionId } from '../../fields/ids';
import { amountUnit, paymentAmount } from '../../fields/payment';
import type { Field, Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** POST /transaction/{id}/can-refund {amount}: whether imoje would refund it, and the refundable balance (docs/imoje-api.md#refund-and-can-refund). */
const fields: Field[] = [transactionId, plain(amountUnit), paymentAmount];

export const checkPossibility: Operation = {
	option: {
		name: 'Check Possibility',
		value: 'checkPossibility',
		action: 'Check whether transaction can be refunded',
		description: 'Ask imoje whether an amount can be refunded, and the refundable balance',
		routing: {
			request: { method: 'POST', url: '/transaction/{transactionId}/can-refund' },
			send: { preSend: [prepare(fields)] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Check whether transaction can be refunded in imoje.',
};

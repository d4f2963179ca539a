import { plain } from '../../fields/field';
import { transactionId } from '../../fields/ids';
import { amountUnit, paymentAmount } from '../../fields/payment';
import { operation } from '../operation';

/** POST /transaction/{id}/can-refund {amount}: whether imoje would refund it, and the refundable balance (docs/imoje-api.md#refund-and-can-refund). */
export const checkPossibility = operation({
	name: 'Check Possibility',
	value: 'checkPossibility',
	action: 'Check whether transaction can be refunded',
	description: 'Ask imoje whether an amount can be refunded, and the refundable balance',
	request: { method: 'POST', url: '/transaction/{transactionId}/can-refund' },
	fields: [transactionId, plain(amountUnit), paymentAmount],
});

import { transactionId } from '../../fields/ids';
import { operation } from '../operation';

/** GET /transaction/{id}: status, refunds and what was paid (docs/imoje-api.md#transaction-get-capture-and-void). */
export const get = operation({
	name: 'Get',
	value: 'get',
	action: 'Get transaction',
	description: 'Get a transaction with its status and refunds',
	request: { method: 'GET', url: '/transaction/{transactionId}' },
	fields: [transactionId],
});

/** POST /transaction/{id}/capture: takes an authorized payment's money. imoje documents no answer body. */
export const capture = operation({
	name: 'Capture',
	value: 'capture',
	action: 'Capture authorized transaction',
	description: 'Take the money of an authorized (pre-authorized) payment',
	request: { method: 'POST', url: '/transaction/{transactionId}/capture' },
	fields: [transactionId],
	answer: { emptyMeansDone: true },
});

/** POST /transaction/{id}/void: releases an authorized payment's money. imoje documents no answer body. */
export const voidTransaction = operation({
	name: 'Void',
	value: 'void',
	action: 'Void authorized transaction',
	description: 'Release the money of an authorized payment without taking it',
	request: { method: 'POST', url: '/transaction/{transactionId}/void' },
	fields: [transactionId],
	answer: { emptyMeansDone: true },
});

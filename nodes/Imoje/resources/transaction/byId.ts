import { transactionId } from '../../fields/ids';
import type { Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** GET /transaction/{id}: status, refunds and what was paid (docs/imoje-api.md#transaction-get-capture-and-void). */
export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get transaction',
		description: 'Get a transaction with its status and refunds',
		routing: {
			request: { method: 'GET', url: '/transaction/{transactionId}' },
			send: { preSend: [prepare([transactionId])] },
			output: { postReceive: [answer()] },
		},
	},
	fields: [transactionId],
	forAgents: 'Get transaction in imoje.',
};

/** POST /transaction/{id}/capture: takes an authorized payment's money. imoje documents no answer body. */
export const capture: Operation = {
	option: {
		name: 'Capture',
		value: 'capture',
		action: 'Capture authorized transaction',
		description: 'Take the money of an authorized (pre-authorized) payment',
		routing: {
			request: { method: 'POST', url: '/transaction/{transactionId}/capture' },
			send: { preSend: [prepare([transactionId])] },
			output: { postReceive: [answer({ emptyMeansDone: true })] },
		},
	},
	fields: [transactionId],
	forAgents: 'Capture authorized transaction in imoje.',
};

/** POST /transaction/{id}/void: releases an authorized payment's money. imoje documents no answer body. */
export const voidTransaction: Operation = {
	option: {
		name: 'Void',
		value: 'void',
		action: 'Void authorized transaction',
		description: 'Release the money of an authorized payment without taking it',
		routing: {
			request: { method: 'POST', url: '/transaction/{transactionId}/void' },
			send: { preSend: [prepare([transactionId])] },
			output: { postReceive: [answer({ emptyMeansDone: true })] },
		},
	},
	fields: [transactionId],
	forAgents: 'Void authorized transaction in imoje.',
};

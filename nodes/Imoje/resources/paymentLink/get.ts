import { paymentLinkId } from '../../fields/ids';
import type { Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** GET /payment/{id}: the link with its status and transactions (docs/imoje-api.md#payment-link-get-and-cancel). */
export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get payment link',
		description: 'Get a payment link with its status and transactions',
		routing: {
			request: { method: 'GET', url: '/payment/{paymentId}' },
			send: { preSend: [prepare([paymentLinkId])] },
			output: { postReceive: [answer()] },
		},
	},
	fields: [paymentLinkId],
	forAgents: 'Get payment link in imoje.',
};

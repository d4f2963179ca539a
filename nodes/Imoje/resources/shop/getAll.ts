import { returnAll } from '../../fields/field';
import type { Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** GET /services: the merchant's shops (docs/imoje-api.md#shop-and-payment-methods). */
export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many shops',
		description: 'Get many shops of the merchant',
		routing: {
			request: { method: 'GET', url: '/services' },
			send: { preSend: [prepare(returnAll)] },
			output: { postReceive: [answer({ limit: true })] },
		},
	},
	fields: returnAll,
	forAgents: 'Get many shops in imoje.',
};

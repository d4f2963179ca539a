import { shopInPath } from '../../fields/ids';
import type { Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** GET /service/{id}: a shop with its payment channels and their amount limits (docs/imoje-api.md#shop-and-payment-methods). */
export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get shop',
		description: 'Get a shop with its payment methods and their amount limits',
		routing: {
			request: { method: 'GET', url: '/service/{shop}' },
			send: { preSend: [prepare([shopInPath])] },
			output: { postReceive: [answer()] },
		},
	},
	fields: [shopInPath],
	forAgents: 'Get shop in imoje.',
};

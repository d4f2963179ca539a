import { shopInPath } from '../../fields/ids';
import { operation } from '../operation';

/** GET /service/{id}: a shop with its payment channels and their amount limits (docs/imoje-api.md#shop-and-payment-methods). */
export const get = operation({
	name: 'Get',
	value: 'get',
	action: 'Get shop',
	description: 'Get a shop with its payment methods and their amount limits',
	request: { method: 'GET', url: '/service/{shop}' },
	fields: [shopInPath],
});

import { returnAll } from '../../fields/field';
import { operation } from '../operation';

/** GET /services: the merchant's shops (docs/imoje-api.md#shop-and-payment-methods). */
export const getAll = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many shops',
	description: 'Get many shops of the merchant',
	request: { method: 'GET', url: '/services' },
	fields: returnAll,
	answer: { limit: true },
});

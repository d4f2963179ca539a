import { paymentLinkId } from '../../fields/ids';
import { operation } from '../operation';

/** GET /payment/{id}: the link with its status and transactions (docs/imoje-api.md#payment-link-get-and-cancel). */
export const get = operation({
	name: 'Get',
	value: 'get',
	action: 'Get payment link',
	description: 'Get a payment link with its status and transactions',
	request: { method: 'GET', url: '/payment/{paymentId}' },
	fields: [paymentLinkId],
});

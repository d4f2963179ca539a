import { withFacts } from '../../fields/field';
import { paymentLinkId, shopInBody } from '../../fields/ids';
import { operation } from '../operation';

/** POST /payment/cancel {serviceId, paymentId}: the link can no longer be paid (docs/imoje-api.md#payment-link-get-and-cancel). */
export const cancel = operation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel payment link',
	description: 'Make an unpaid payment link unusable',
	request: { method: 'POST', url: '/payment/cancel' },
	fields: [withFacts(paymentLinkId, { into: 'paymentId' }), shopInBody],
});

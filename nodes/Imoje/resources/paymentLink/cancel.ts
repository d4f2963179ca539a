import { withFacts } from '../../fields/field';
import { paymentLinkId, shopInBody } from '../../fields/ids';
import type { Field, Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

/** POST /payment/cancel {serviceId, paymentId}: the link can no longer be paid (docs/imoje-api.md#payment-link-get-and-cancel). */
const fields: Field[] = [withFacts(paymentLinkId, { into: 'paymentId' }), shopInBody];

export const cancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel payment link',
		description: 'Make an unpaid payment link unusable',
		routing: {
			request: { method: 'POST', url: '/payment/cancel' },
			send: { preSend: [prepare(fields)] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Cancel payment link in imoje.',
};

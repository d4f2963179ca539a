import { plain, withFacts } from '../../fields/field';
import { paymentProfileId, shopInBody } from '../../fields/ids';
import { invoice, multipayout, multipayoutInPln } from '../../fields/lists';
import { amountUnit, currency, extraBody, fitText, notificationUrl, notifyWaitStep, orderId, paymentAmount, title } from '../../fields/payment';
import { additionalFields, additionalOptions } from '../operation';
import type { Field, Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';

const optional = [extraBody, invoice, multipayout('data.multipayout'), notificationUrl, notifyWaitStep, title];

/** POST /transaction/profile: charges a saved card without the payer (docs/imoje-api.md#payment-profiles). */
const fields: Field[] = [
		withFacts(paymentProfileId, { into: 'paymentProfileId' }),
		plain(amountUnit),
		paymentAmount,
		currency,
		orderId,
		shopInBody,
		plain(fitText),
		additionalFields(optional),
	];

export const debit: Operation = {
	option: {
		name: 'Debit',
		value: 'debit',
		action: 'Debit payment profile',
		description: 'Charge a saved card (OneClick or recurring) without the payer',
		routing: {
			request: { method: 'POST', url: '/transaction/profile' },
			send: { preSend: [prepare(fields, [multipayoutInPln])] },
			output: { postReceive: [answer()] },
		},
	},
	fields,
	forAgents: 'Debit payment profile in imoje.',
};

export const debitOptions = additionalOptions('paymentProfile', 'debit', optional);

import { plain, withFacts } from '../../fields/field';
import { paymentProfileId, shopInBody } from '../../fields/ids';
import { invoice, multipayout, multipayoutInPln } from '../../fields/lists';
import { amountUnit, currency, extraBody, fitText, notificationUrl, orderId, paymentAmount, title } from '../../fields/payment';
import { additionalFields, additionalOptions, operation } from '../operation';

const optional = [extraBody, invoice, multipayout('data.multipayout'), notificationUrl, title];

/** POST /transaction/profile: charges a saved card without the payer (docs/imoje-api.md#payment-profiles). */
export const debit = operation({
	name: 'Debit',
	value: 'debit',
	action: 'Debit payment profile',
	description: 'Charge a saved card (OneClick or recurring) without the payer',
	request: { method: 'POST', url: '/transaction/profile' },
	fields: [
		withFacts(paymentProfileId, { into: 'paymentProfileId' }),
		plain(amountUnit),
		paymentAmount,
		currency,
		orderId,
		shopInBody,
		plain(fitText),
		additionalFields(optional),
	],
	rules: [multipayoutInPln],
});

export const debitOptions = additionalOptions('paymentProfile', 'debit', optional);

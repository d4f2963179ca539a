import type { INodeProperties } from 'n8n-workflow';

import { toBodyUnlessEmpty } from './fields';

/**
 * What imoje names for card registration and installments on transaction create.
 * imoje's OneClick and recurring topic (bump.sh/pgw/doc/imoje-api-en, "OneClick and
 * recurring card payments", "Creating a new profile") registers a card "by passing an
 * additional `card` and `additionalData` object in the request creating the transaction".
 * The sub-fields of those objects could not be confirmed from a source we can cite, so
 * they are entered as JSON with imoje's names rather than guessed as fields.
 * Both are JSON fields read by prepareRequest (JSON_OPTIONS in hooks.ts), which names the
 * field when the JSON is broken; n8n's routing would fail with a bare parser message.
 * `installment: { period }` is how imoje's official WooCommerce plugin sends installments
 * (WordPressBugBounty/plugins-imoje, imoje/includes/libs/payment-core/src/Api.php, prepareData).
 */
export const cardAndInstallmentOptions: INodeProperties[] = [
	{
		displayName: 'Card Data (JSON)',
		name: 'card',
		type: 'json',
		default: '',
		description:
			'The card object imoje takes for a OneClick or recurring registration transaction made with the card data. Only with a PCI DSS certificate; the payer needs a Customer ID (Cid). Field names as in imoje\'s API reference.',
	},
	{
		displayName: 'Additional Data (JSON)',
		name: 'additionalData',
		type: 'json',
		default: '',
		description: 'The additionalData object imoje takes with Card Data in a OneClick or recurring registration transaction',
	},
	{
		displayName: 'Installment Period',
		name: 'installmentPeriod',
		type: 'number',
		default: 0,
		description: 'For imoje installments: the number of installments, sent as installment.period. 0 leaves it out.',
		routing: toBodyUnlessEmpty('installment.period'),
	},
];

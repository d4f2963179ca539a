import type { INodeProperties } from 'n8n-workflow';

import { listElement, wholeNumber } from './lists';

/**
 * Splits the payment between bank accounts (PLN only, with multipayout active for the
 * shop). Transactions and payment links take it as `multipayout`, a profile debit as
 * `data.multipayout`, hence the path.
 */
export function multipayoutOption(path: 'multipayout' | 'data.multipayout'): INodeProperties {
	const payout = listElement(path);
	return {
		displayName: 'Multipayout',
		name: 'multipayout',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Payout',
		typeOptions: { multipleValues: true },
		description: 'Accounts the funds are paid out to. PLN only; multipayout must be active for the shop.',
		options: [
			{
				displayName: 'Payout',
				name: 'payouts',
				values: [
					payout.field('Bank Account', 'ban', { placeholder: '61109010140000071219812874', description: 'Polish account number: 26 digits, no spaces, no PL' }),
					payout.field('Amount', 'amount', { ...wholeNumber, description: 'In the smallest currency unit (grosze)' }),
					payout.field('Recipient Name', 'label', { description: 'At most 70 characters' }),
					payout.optional('Transfer Title', 'title', {
						description: 'Shows the payout separately on the recipient\'s account. Give it for every payout or for none. At most 105 characters.',
					}),
				],
			},
		],
	};
}

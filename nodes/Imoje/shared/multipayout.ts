import type { INodeProperties } from 'n8n-workflow';

import { listElement } from './lists';

/**
 * Splits the payment between bank accounts (PLN only, with multipayout active for the
 * shop). A payment link takes it as `multipayout` (seed 01:309); a profile debit as
 * `data.multipayout` (seed 03:70-72). Transaction create sends `data.multipayout` too:
 * seed 04 lists no top-level multipayout, and the undescribed object it lists after
 * `invoice` matches seed 03's `data` (API.md Corrections), hence the path.
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
		routing: payout.routing('payouts'),
		options: [
			{
				displayName: 'Payout',
				name: 'payouts',
				values: [
					payout.field('Bank Account', 'ban', { placeholder: 'e.g. 61109010140000071219812874', description: 'Polish account number: 26 digits, no spaces, no PL' }),
					payout.field('Amount', 'amount', { description: 'Written as chosen in "Amounts In" (smallest unit, or main unit with decimals)' }),
					payout.field('Recipient Name', 'label', { description: 'At most 70 characters' }),
					payout.optional('Transfer Title', 'title', {
						description: 'Shows the payout separately on the recipient\'s account. Give it for every payout or for none. At most 105 characters.',
					}),
				],
			},
		],
	};
}

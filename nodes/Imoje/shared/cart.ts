import type { INodeProperties } from 'n8n-workflow';

import { amountText, listElement } from './lists';
import { cartTaxStakeOptions, productStateOptions } from './options';

const item = listElement('cart.items');

/** The ordered products; imoje requires them for ING Lease Now. */
export const cartOption: INodeProperties = {
	displayName: 'Cart',
	name: 'cart',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Cart Item',
	typeOptions: { multipleValues: true },
	description: 'The ordered products. Required when ING Lease Now is active in the shop.',
	routing: item.routing('items'),
	options: [
		{
			displayName: 'Item',
			name: 'items',
			values: [
				item.field('Product ID', 'id'),
				item.field('Name', 'name'),
				item.field('Net Unit Amount', 'amount', amountText('Net price of one unit; 0 is allowed.')),
				item.field('Unit Tax', 'tax', amountText('Tax on one unit.')),
				item.field('Tax Rate', 'taxStake', { type: 'options', default: 23, options: cartTaxStakeOptions }),
				item.field('Quantity', 'quantity', { type: 'number', default: 1, description: 'A whole number, at least 1' }),
				item.field('Product URL', 'url'),
				item.field('Category', 'categoryId'),
				item.optional('Unit', 'unit', { description: 'e.g. pcs, kg; at most 35 characters' }),
				item.optional('Condition', 'state', { type: 'options', options: [{ name: 'Not Given', value: '' }, ...productStateOptions] }),
				item.optional('Discount Amount', 'discount.amount', amountText('Leave empty for no discount.')),
				item.optional('Discount Tax', 'discount.tax', amountText('Tax on the discount.')),
			],
		},
	],
};

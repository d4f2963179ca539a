import type { INodeProperties } from 'n8n-workflow';

import { listElement, wholeNumber } from './lists';
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
	options: [
		{
			displayName: 'Item',
			name: 'items',
			values: [
				item.field('Product ID', 'id'),
				item.field('Name', 'name'),
				item.field('Net Unit Amount', 'amount', { ...wholeNumber, description: 'Net price of one unit, in the smallest currency unit (0 allowed)' }),
				item.field('Unit Tax', 'tax', { type: 'number', default: 0, description: 'Tax on one unit, in the smallest currency unit' }),
				item.field('Tax Rate', 'taxStake', { type: 'options', default: 23, options: cartTaxStakeOptions }),
				item.field('Quantity', 'quantity', { type: 'number', default: 1, typeOptions: { minValue: 1, numberPrecision: 0 } }),
				item.field('Product URL', 'url'),
				item.field('Category', 'categoryId'),
				item.optional('Unit', 'unit', { description: 'e.g. pcs, kg; at most 35 characters' }),
				item.optional('Condition', 'state', { type: 'options', options: [{ name: 'Not Given', value: '' }, ...productStateOptions] }),
				item.optional('Discount Amount', 'discount.amount', { ...wholeNumber, description: '0 means no discount' }),
				item.optional('Discount Tax', 'discount.tax', { type: 'number', default: 0 }),
			],
		},
	],
};

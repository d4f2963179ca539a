import type { INodeProperties } from 'n8n-workflow';

import { toBody } from './fields';
import { localeOptions } from './options';

const field = (displayName: string, name: string, property: string, extra: Partial<INodeProperties>): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	routing: toBody(`customer.${property}`),
	...extra,
});

/** The payer: first name, last name and e-mail are required by imoje, so they are top-level fields. */
export const customerFields: INodeProperties[] = [
	field('Customer First Name', 'customerFirstName', 'firstName', { required: true, description: 'At most 100 characters' }),
	field('Customer Last Name', 'customerLastName', 'lastName', { required: true, description: 'At most 100 characters' }),
	field('Customer Email', 'customerEmail', 'email', {
		required: true,
		placeholder: 'name@email.com',
		description: 'imoje sends the payment confirmation here. At most 200 characters.',
	}),
];

/** The payer's optional details, for the Additional Fields collection. */
export const customerOptions: INodeProperties[] = [
	field('Customer Company', 'customerCompany', 'company', { description: 'At most 200 characters' }),
	field('Customer ID (Cid)', 'customerCid', 'cid', {
		description: 'Your ID for the payer, required to save a card for OneClick or recurring payments. At most 36 letters, digits and -.',
	}),
	{
		displayName: 'Customer Language',
		name: 'customerLocale',
		type: 'options',
		default: 'pl',
		options: localeOptions,
		description: 'Language of the payment page and of imoje\'s e-mails to the payer',
		routing: toBody('customer.locale'),
	},
	field('Customer Phone', 'customerPhone', 'phone', { placeholder: 'e.g. +48 501 501 501', description: 'Digits, spaces, + and -; at most 20 characters' }),
];

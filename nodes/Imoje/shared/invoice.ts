import type { INodeProperties } from 'n8n-workflow';

import { toBody, toBodyUnlessEmpty } from './fields';
import { amountText, listElement } from './lists';
import { buyerIdTypeOptions, buyerTypeOptions, invoiceTaxStakeOptions, vatExemptionOptions } from './options';

const buyer = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: `Buyer ${displayName}`,
	name: `buyer${name[0].toUpperCase()}${name.slice(1)}`,
	type: 'string',
	required: true,
	default: '',
	routing: toBody(`invoice.buyer.${name}`),
	...extra,
});

const optionalBuyer = (displayName: string, name: string, extra: Partial<INodeProperties> = {}) =>
	buyer(displayName, name, { required: false, routing: toBodyUnlessEmpty(`invoice.buyer.${name}`), ...extra });

const position = listElement('invoice.positions');

const positions: INodeProperties = {
	displayName: 'Positions',
	name: 'positions',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Position',
	typeOptions: { multipleValues: true },
	routing: position.routing('position'),
	options: [
		{
			displayName: 'Position',
			name: 'position',
			values: [
				position.field('Name', 'name'),
				position.field('Code', 'code', { description: 'Your product code' }),
				position.field('Quantity', 'quantity', { type: 'number', default: 1, description: '0 or more' }),
				position.field('Unit', 'unit', { placeholder: 'e.g. pcs' }),
				position.field('Unit Price', 'grossAmount', amountText('Gross price of one unit.')),
				position.field('Tax Rate', 'taxStake', { type: 'options', default: 'TAX_23', options: invoiceTaxStakeOptions }),
				position.optional('Discount', 'discountAmount', amountText('Discount amount. Leave empty for no discount.')),
				position.optional('Tax Amount', 'taxAmount', amountText('Needed only for Split Payment; leave empty otherwise.')),
			],
		},
	],
};

/**
 * Invoice data for ING Księgowość and Split Payment: buyer, positions, and the VAT
 * exemption basis. The same definition serves transactions, payment links and
 * profile debits (all send it as `invoice`).
 */
export const invoiceOption: INodeProperties = {
	displayName: 'Invoice',
	name: 'invoice',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Invoice',
	description: 'Required when ING Księgowość is active for the shop, and for Split Payment',
	options: [
		{
			displayName: 'Invoice',
			name: 'details',
			values: [
				buyer('Type', 'type', { type: 'options', default: 'PERSON', options: buyerTypeOptions }),
				buyer('Email', 'email', { placeholder: 'name@email.com' }),
				buyer('Full Name', 'fullName', { description: 'Name and surname, or the company name' }),
				buyer('Street', 'street'),
				buyer('City', 'city'),
				buyer('Postal Code', 'postalCode'),
				buyer('Country Code', 'countryCodeAlpha2', { placeholder: 'e.g. PL' }),
				optionalBuyer('ID Type', 'idType', {
					type: 'options',
					options: [{ name: 'Not Given', value: '' }, ...buyerIdTypeOptions],
					description: 'Required for a company buyer',
				}),
				optionalBuyer('ID Number', 'idNumber', { description: 'NIP or PESEL; required for a company buyer' }),
				optionalBuyer('ID Country', 'idCountryCodeAlpha2', { placeholder: 'e.g. PL', description: 'Required when the ID type is NIP (VAT ID)' }),
				positions,
				{
					displayName: 'Issue Invoice',
					name: 'issueInvoice',
					type: 'boolean',
					default: false,
					description: 'Whether imoje issues and sends the invoice by itself',
					routing: toBody('invoice.issueInvoice'),
				},
				{
					displayName: 'Invoice Number',
					name: 'invoiceId',
					type: 'string',
					default: '',
					description: 'Needed only for Split Payment',
					routing: toBodyUnlessEmpty('invoice.invoiceId'),
				},
				{
					displayName: 'VAT Exemption',
					name: 'vatExemptionType',
					type: 'options',
					default: '',
					options: [{ name: 'None', value: '' }, ...vatExemptionOptions].sort((a, b) => a.name.localeCompare(b.name)),
					description: 'The legal basis on which the sale is exempt from VAT, if it is',
					routing: toBodyUnlessEmpty('invoice.basisForVatExemption.type'),
				},
				{
					displayName: 'Exemption Details',
					name: 'vatExemptionText',
					type: 'string',
					default: '',
					description: 'What the VAT exemption rests on, in words. Required when VAT Exemption is Other.',
					routing: toBodyUnlessEmpty('invoice.basisForVatExemption.text'),
				},
			],
		},
	],
};

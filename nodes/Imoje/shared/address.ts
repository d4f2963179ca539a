import type { INodeProperties } from 'n8n-workflow';

import { toBody, toBodyUnlessEmpty } from './fields';

const line = (displayName: string, name: string, path: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	routing: toBodyUnlessEmpty(`${path}.${name}`),
	...extra,
});

/**
 * One address definition for both `billing` and `shipping`. imoje requires first and
 * last name in an address; the rest is sent only when filled in.
 */
export function addressOption(path: 'billing' | 'shipping', displayName: string, withTaxId: boolean): INodeProperties {
	return {
		displayName,
		name: path,
		type: 'fixedCollection',
		default: {},
		placeholder: `Add ${displayName}`,
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					line('First Name', 'firstName', path, { required: true, routing: toBody(`${path}.firstName`) }),
					line('Last Name', 'lastName', path, { required: true, routing: toBody(`${path}.lastName`) }),
					line('Company', 'company', path),
					line('Street', 'street', path, { description: 'Street and number, at most 200 characters' }),
					line('City', 'city', path),
					line('Region', 'region', path),
					line('Postal Code', 'postalCode', path, { placeholder: 'e.g. 00-950' }),
					line('Country Code', 'countryCodeAlpha2', path, { placeholder: 'e.g. PL', description: 'Two-letter ISO 3166 code' }),
					...(withTaxId ? [line('Tax ID', 'taxId', path, { description: 'NIP or other tax number, at most 12 characters' })] : []),
				],
			},
		],
	};
}

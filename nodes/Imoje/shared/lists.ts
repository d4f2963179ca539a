import type { INodeProperties } from 'n8n-workflow';

import { toBody, toBodyUnlessEmpty } from './fields';

/**
 * Fields of one element of a repeating group (cart items, invoice positions,
 * multipayout): each sends to `<list>[<index>].<name>`, so the array is built by
 * n8n's routing alone.
 */
export function listElement(list: string) {
	const at = (name: string) => `=${list}[{{$index}}].${name}`;
	return {
		field: (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
			displayName,
			name: name.replace('.', '_'),
			type: 'string',
			required: true,
			default: '',
			routing: toBody(at(name)),
			...extra,
		}),
		optional: (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
			displayName,
			name: name.replace('.', '_'),
			type: 'string',
			default: '',
			routing: toBodyUnlessEmpty(at(name)),
			...extra,
		}),
	};
}

/**
 * An amount inside a list, as text like the main Amount (no rounding, no "1,250"),
 * written in the unit chosen in "Amounts In" and converted by normalizeBody.
 */
export const amountText = (description: string): Partial<INodeProperties> => ({
	type: 'string',
	default: '',
	description: `${description} Written as chosen in "Amounts In".`,
});

import { plain } from '../../fields/field';
import type { Field } from '../../fields/field';
import { rules } from '../../fields/rules';
import { operation, ownProperties } from '../operation';

const notice = plain({
	displayName: 'This replaces the whole list of trusted IP addresses. Addresses left out, including the one n8n calls from, lose access to the imoje API.',
	name: 'replacesNotice',
	type: 'notice',
	default: '',
});

const ips: Field = {
	properties: [
		{
			displayName: 'IP Addresses',
			name: 'ips',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 203.0.113.7, 198.51.100.0/24',
			description: 'The complete new list, separated by commas, spaces or new lines. It replaces the old list, so include the address n8n calls from.',
			routing: {
				send: {
					type: 'body',
					property: 'trustedIps',
					// Runs only for this operation: the text list becomes imoje's array.
					value: '={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,;]+/)).map(ip => String(ip).trim()).filter(ip => ip) }}',
				},
			},
		},
	],
	facts: [{ path: 'trustedIps', label: 'IP Addresses', kind: 'value', rules: [(value) => (Array.isArray(value) ? value.map(rules.ip).find(Boolean) : undefined)] }],
};

/** PUT /settings/ips {trustedIps}: replaces the whole list (docs/imoje-api.md#trusted-ips). imoje documents no answer body. */
export const set = operation({
	name: 'Set',
	value: 'set',
	action: 'Set trusted IP addresses',
	description: 'Replace the list of addresses allowed to call the imoje API',
	request: { method: 'PUT', url: '/settings/ips' },
	fields: [notice, ips],
	answer: { emptyMeansDone: true },
});

export const setProperties = ownProperties('trustedIp', 'set', [notice, ips]);

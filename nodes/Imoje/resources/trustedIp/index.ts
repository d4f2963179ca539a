import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { operationsOf } from '../../shared/fields';
import { returnAllFields } from '../../shared/limit';

export const trustedIpDescription: INodeProperties[] = [
	operationsOf('trustedIp', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get trusted IP addresses',
			description: 'Get the addresses allowed to call the imoje API for this merchant',
			routing: { request: { method: 'GET', url: '/settings/ips' } },
		},
		{
			name: 'Set',
			value: 'set',
			action: 'Set trusted IP addresses',
			description: 'Replace the list of addresses allowed to call the imoje API',
			routing: { request: { method: 'PUT', url: '/settings/ips' } },
		},
	]),
	...updateDisplayOptions({ show: { resource: ['trustedIp'], operation: ['getAll'] } }, returnAllFields),
	...updateDisplayOptions({ show: { resource: ['trustedIp'], operation: ['set'] } }, [
		{
			displayName: 'This replaces the whole list of trusted IP addresses. Addresses left out, including the one n8n calls from, lose access to the imoje API.',
			name: 'replacesNotice',
			type: 'notice',
			default: '',
		},
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
					value: '={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,;]+/)).map(ip => String(ip).trim()).filter(ip => ip) }}',
				},
			},
		},
	]),
];

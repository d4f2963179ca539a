import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, shopIdInPath, shopIdPathField } from '../../shared/fields';

export const shopDescription: INodeProperties[] = [
	operationsOf('shop', 'get', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a shop',
			description: 'Get a shop with its payment methods and their amount limits',
			routing: { request: { method: 'GET', url: `=/service/${shopIdInPath}` } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many shops',
			description: 'Get many shops of the merchant',
			routing: { request: { method: 'GET', url: '/services' } },
		},
	]),
	...updateDisplayOptions({ show: { resource: ['shop'], operation: ['get'] } }, [shopIdPathField]),
];

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { operationsOf } from '../../shared/fields';
import { returnAllFields } from '../../shared/limit';
import { shopInPath, shopInPathField } from '../../shared/locators';

export const shopDescription: INodeProperties[] = [
	operationsOf('shop', 'get', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get shop',
			description: 'Get a shop with its payment methods and their amount limits',
			routing: { request: { method: 'GET', url: `/service/${shopInPath}` } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many shops',
			description: 'Get many shops of the merchant',
			routing: { request: { method: 'GET', url: '/services' } },
		},
	]),
	...updateDisplayOptions({ show: { resource: ['shop'], operation: ['get'] } }, [shopInPathField]),
	...updateDisplayOptions({ show: { resource: ['shop'], operation: ['getAll'] } }, returnAllFields),
];

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../shared/limit';

export const paymentProfileGetAllDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['paymentProfile'], operation: ['getAll'] } },
	[
		{
			displayName: 'Customer ID (CID)',
			name: 'cid',
			type: 'string',
			required: true,
			default: '',
			description: 'The payer ID you sent as the customer\'s cid when the card was saved',
		},
		...returnAllFields,
	],
);

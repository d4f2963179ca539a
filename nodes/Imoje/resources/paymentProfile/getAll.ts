import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

export const paymentProfileGetAllDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['paymentProfile'], operation: ['getAll'] } },
	[
		{
			displayName: 'Customer ID (Cid)',
			name: 'cid',
			type: 'string',
			required: true,
			default: '',
			description: 'The payer ID you sent as the customer\'s cid when the card was saved',
		},
	],
);

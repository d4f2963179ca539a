import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, pathId, shopIdBody } from '../../shared/fields';
import { paymentLinkByIdDescription } from './byId';
import { paymentLinkCreateDescription } from './create';

export const paymentLinkDescription: INodeProperties[] = [
	operationsOf('paymentLink', 'create', [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a payment link',
			description: 'Make an unpaid payment link unusable',
			routing: { request: { method: 'POST', url: '/payment/cancel', body: { ...shopIdBody } } },
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payment link',
			description: 'Create a link to imoje\'s payment page, to send to the payer',
			routing: { request: { method: 'POST', url: '/payment', body: { ...shopIdBody } } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a payment link',
			description: 'Get a payment link with its status and transactions',
			routing: { request: { method: 'GET', url: `=/payment/${pathId('paymentId')}` } },
		},
	]),
	...paymentLinkCreateDescription,
	...paymentLinkByIdDescription,
];

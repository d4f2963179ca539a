import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, pathId } from '../../shared/fields';
import { paymentLinkByIdDescription } from './byId';
import { paymentLinkCreateDescription } from './create';

export const paymentLinkDescription: INodeProperties[] = [
	operationsOf('paymentLink', 'create', [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel payment link',
			description: 'Make an unpaid payment link unusable',
			routing: { request: { method: 'POST', url: '/payment/cancel' } },
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create payment link',
			description: 'Create a link to imoje\'s payment page, to send to the payer',
			routing: { request: { method: 'POST', url: '/payment' } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get payment link',
			description: 'Get a payment link with its status and transactions',
			routing: { request: { method: 'GET', url: `/payment/${pathId('paymentId')}` } },
		},
	]),
	...paymentLinkCreateDescription,
	...paymentLinkByIdDescription,
];

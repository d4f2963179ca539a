import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, pathId } from '../../shared/fields';
import { transactionByIdDescription } from './byId';
import { transactionCreateDescription } from './create';

export const transactionDescription: INodeProperties[] = [
	operationsOf('transaction', 'create', [
		{
			name: 'Capture',
			value: 'capture',
			action: 'Capture authorized transaction',
			description: 'Take the money of an authorized (pre-authorized) payment',
			routing: { request: { method: 'POST', url: `/transaction/${pathId('transactionId')}/capture` } },
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create transaction',
			description: 'Start a payment in a chosen method and channel (BLIK, bank, card…)',
			routing: { request: { method: 'POST', url: '/transaction', body: { type: 'sale' } } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get transaction',
			description: 'Get a transaction with its status and refunds',
			routing: { request: { method: 'GET', url: `/transaction/${pathId('transactionId')}` } },
		},
		{
			name: 'Void',
			value: 'void',
			action: 'Void authorized transaction',
			description: 'Release the money of an authorized payment without taking it',
			routing: { request: { method: 'POST', url: `/transaction/${pathId('transactionId')}/void` } },
		},
	]),
	...transactionCreateDescription,
	...transactionByIdDescription,
];

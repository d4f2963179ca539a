import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, pathId, shopIdBody } from '../../shared/fields';
import { transactionByIdDescription } from './byId';
import { transactionCreateDescription } from './create';

export const transactionDescription: INodeProperties[] = [
	operationsOf('transaction', 'create', [
		{
			name: 'Capture',
			value: 'capture',
			action: 'Capture an authorized transaction',
			description: 'Take the money of an authorized (pre-authorized) payment',
			routing: { request: { method: 'POST', url: `=/transaction/${pathId('transactionId')}/capture` } },
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a transaction',
			description: 'Start a payment in a chosen method and channel (BLIK, bank, card…)',
			routing: { request: { method: 'POST', url: '/transaction', body: { type: 'sale', ...shopIdBody } } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a transaction',
			description: 'Get a transaction with its status and refunds',
			routing: { request: { method: 'GET', url: `=/transaction/${pathId('transactionId')}` } },
		},
		{
			name: 'Void',
			value: 'void',
			action: 'Void an authorized transaction',
			description: 'Release the money of an authorized payment without taking it',
			routing: { request: { method: 'POST', url: `=/transaction/${pathId('transactionId')}/void` } },
		},
	]),
	...transactionCreateDescription,
	...transactionByIdDescription,
];

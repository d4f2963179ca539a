import type { INodeProperties } from 'n8n-workflow';

import { operationsOf, pathId } from '../../shared/fields';
import { paymentProfileByIdDescription } from './byId';
import { paymentProfileDebitDescription } from './debit';
import { paymentProfileGetAllDescription } from './getAll';

export const paymentProfileDescription: INodeProperties[] = [
	operationsOf('paymentProfile', 'debit', [
		{
			name: 'Deactivate',
			value: 'deactivate',
			action: 'Deactivate payment profile',
			description: 'Stop a saved card from being charged again',
			routing: { request: { method: 'DELETE', url: `/profile/id/${pathId('paymentProfileId')}` } },
		},
		{
			name: 'Debit',
			value: 'debit',
			action: 'Debit payment profile',
			description: 'Charge a saved card (OneClick or recurring) without the payer',
			routing: { request: { method: 'POST', url: '/transaction/profile' } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get payment profile',
			description: 'Get a saved card by its profile ID',
			routing: { request: { method: 'GET', url: `/profile/id/${pathId('paymentProfileId')}` } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get payment profiles of payer',
			description: 'Get the saved cards of a payer by your customer ID (cid)',
			routing: { request: { method: 'GET', url: `/profile/cid/${pathId('cid')}` } },
		},
	]),
	...paymentProfileDebitDescription,
	...paymentProfileGetAllDescription,
	...paymentProfileByIdDescription,
];

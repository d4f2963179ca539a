import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { amountUnitField, operationsOf, pathId, paymentAmountFields } from '../../shared/fields';
import { transactionIdLocator } from '../../shared/locators';
import { refundCreateDescription } from './create';

const refundOf = (action: string) => `/transaction/${pathId('transactionId')}/${action}`;

export const refundDescription: INodeProperties[] = [
	operationsOf('refund', 'create', [
		{
			name: 'Check Possibility',
			value: 'checkPossibility',
			action: 'Check whether transaction can be refunded',
			description: 'Ask imoje whether an amount can be refunded, and the refundable balance',
			routing: { request: { method: 'POST', url: refundOf('can-refund') } },
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Refund transaction',
			description: 'Give back all or part of a settled payment',
			routing: { request: { method: 'POST', url: refundOf('refund'), body: { type: 'refund' } } },
		},
	]),
	...updateDisplayOptions({ show: { resource: ['refund'] } }, [
		transactionIdLocator,
		amountUnitField,
		...paymentAmountFields,
	]),
	...refundCreateDescription,
];

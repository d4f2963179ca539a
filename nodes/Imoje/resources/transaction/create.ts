import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { cardAndInstallmentOptions } from '../../shared/card';
import { customerFields } from '../../shared/customer';
import {
	additionalFields,
	amountUnitField,
	currencyField,
	failureUrlOption,
	fitTextField,
	orderIdField,
	paymentAmountFields,
	paymentChannelField,
	paymentMethodField,
	successUrlOption,
	toBody,
} from '../../shared/fields';
import { shopInBody } from '../../shared/locators';
import { paymentOptions } from '../../shared/payment';

const properties: INodeProperties[] = [
	amountUnitField,
	...paymentAmountFields,
	currencyField,
	orderIdField,
	paymentMethodField,
	paymentChannelField,
	// Optional for a payment link, required when starting a transaction.
	{ ...successUrlOption, required: true },
	{ ...failureUrlOption, required: true },
	...customerFields,
	shopInBody,
	fitTextField,
	additionalFields(
		paymentOptions([
			...cardAndInstallmentOptions,
			{
				displayName: 'BLIK Code',
				name: 'blikCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 777123',
				description: 'The 6-digit code from the payer\'s banking app, for BLIK paid without leaving your page. Needs Client IP.',
				routing: toBody('blikCode'),
			},
			{
				displayName: 'Client IP',
				name: 'clientIp',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.7',
				description: 'The payer\'s real IPv4 or IPv6 address; required with a BLIK code',
				routing: toBody('clientIp'),
			},
		], 'data.multipayout'),
	),
];

export const transactionCreateDescription = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['create'] } },
	properties,
);

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { cartOption } from '../../shared/cart';
import { customerFields } from '../../shared/customer';
import {
	additionalFields,
	amountUnitField,
	currencyField,
	failureUrlOption,
	fitTextField,
	orderIdField,
	paymentAmountFields,
	preselectChannelOption,
	returnUrlOption,
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
	...customerFields,
	shopInBody,
	fitTextField,
	additionalFields(
		paymentOptions([
			cartOption,
			failureUrlOption,
			{
				displayName: 'Generate KSeF Payment ID',
				name: 'isKsef',
				type: 'boolean',
				default: true,
				description: 'Whether imoje generates a KSeF payment identifier (IPKSeF) for this payment',
				routing: toBody('isKsef'),
			},
			preselectChannelOption,
			returnUrlOption,
			successUrlOption,
		], 'multipayout'),
	),
];

export const paymentLinkCreateDescription = updateDisplayOptions(
	{ show: { resource: ['paymentLink'], operation: ['create'] } },
	properties,
);

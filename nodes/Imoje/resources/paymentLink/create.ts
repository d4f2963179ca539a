import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { addressOption } from '../../shared/address';
import { cartOption } from '../../shared/cart';
import { customerFields, customerOptions } from '../../shared/customer';
import {
	additionalFields,
	amountField,
	currencyField,
	descriptionOption,
	expiryOptions,
	extraBodyOption,
	failureUrlOption,
	notificationUrlOption,
	orderIdField,
	preselectChannelOption,
	returnUrlOption,
	shopIdOption,
	successUrlOption,
	titleOption,
	toBody,
	visibleMethodOption,
} from '../../shared/fields';
import { invoiceOption } from '../../shared/invoice';
import { multipayoutOption } from '../../shared/multipayout';

const properties: INodeProperties[] = [
	amountField('The amount the payer pays.'),
	currencyField,
	orderIdField,
	...customerFields,
	additionalFields([
		descriptionOption,
		addressOption('billing', 'Billing Address', true),
		cartOption,
		...customerOptions,
		extraBodyOption,
		failureUrlOption,
		{
			displayName: 'Generate KSeF Payment ID',
			name: 'isKsef',
			type: 'boolean',
			default: true,
			description: 'Whether imoje generates a KSeF payment identifier (IPKSeF) for this payment',
			routing: toBody('isKsef'),
		},
		invoiceOption,
		multipayoutOption('multipayout'),
		...expiryOptions,
		notificationUrlOption,
		preselectChannelOption,
		returnUrlOption,
		shopIdOption,
		addressOption('shipping', 'Shipping Address', false),
		successUrlOption,
		titleOption,
		visibleMethodOption,
	]),
];

export const paymentLinkCreateDescription = updateDisplayOptions(
	{ show: { resource: ['paymentLink'], operation: ['create'] } },
	properties,
);

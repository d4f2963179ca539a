import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	amountField,
	amountUnitField,
	currencyField,
	extraBodyOption,
	fitTextField,
	idField,
	notificationUrlOption,
	orderIdField,
	shopIdOption,
	titleOption,
} from '../../shared/fields';
import { invoiceOption } from '../../shared/invoice';
import { multipayoutOption } from '../../shared/multipayout';

export const paymentProfileDebitDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['paymentProfile'], operation: ['debit'] } },
	[
		idField('paymentProfileId', 'Payment Profile ID', 'The saved card to charge (a OneClick or recurring profile)', 'paymentProfileId'),
		amountUnitField,
		...amountField('The amount to charge.'),
		currencyField,
		orderIdField,
		fitTextField,
		additionalFields([
			extraBodyOption,
			invoiceOption,
			multipayoutOption('data.multipayout'),
			notificationUrlOption,
			shopIdOption,
			titleOption,
		]),
	],
);

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	amountField,
	currencyField,
	extraBodyOption,
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
		amountField('The amount to charge.'),
		currencyField,
		orderIdField,
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

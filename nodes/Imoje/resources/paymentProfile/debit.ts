import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	amountUnitField,
	currencyField,
	extraBodyOption,
	fitTextField,
	notificationUrlOption,
	orderIdField,
	paymentAmountFields,
	titleOption,
} from '../../shared/fields';
import { invoiceOption } from '../../shared/invoice';
import { paymentProfileIdLocator, shopInBody } from '../../shared/locators';
import { multipayoutOption } from '../../shared/multipayout';

export const paymentProfileDebitDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['paymentProfile'], operation: ['debit'] } },
	[
		paymentProfileIdLocator('paymentProfileId'),
		amountUnitField,
		...paymentAmountFields,
		currencyField,
		orderIdField,
		shopInBody,
		fitTextField,
		additionalFields([
			extraBodyOption,
			invoiceOption,
			multipayoutOption('data.multipayout'),
			notificationUrlOption,
					titleOption,
		]),
	],
);

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	amountField,
	amountUnitField,
	currencyField,
	operationsOf,
	toBody,
} from '../../shared/fields';
import { returnAllFields } from '../../shared/limit';
import { shopInPath, shopInPathField } from '../../shared/locators';
import { deviceOptions, localeOptions } from '../../shared/options';

export const paymentMethodDescription: INodeProperties[] = [
	operationsOf('paymentMethod', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get available payment methods',
			description: 'Get the payment methods and channels a payer can use for an amount',
			routing: { request: { method: 'POST', url: `/service/${shopInPath}/get-payment-methods` } },
		},
	]),
	...updateDisplayOptions({ show: { resource: ['paymentMethod'], operation: ['getAll'] } }, [
		amountUnitField,
		...amountField('The amount to pay; methods whose limits exclude it are left out.'),
		currencyField,
		shopInPathField,
		...returnAllFields,
		additionalFields([
			{
				displayName: 'Device',
				name: 'device',
				type: 'options',
				default: 'desktop',
				options: deviceOptions,
				description: 'Some methods are offered only on mobile or only on desktop',
				routing: toBody('device'),
			},
			{
				displayName: 'Language',
				name: 'locale',
				type: 'options',
				default: 'pl',
				options: localeOptions,
				description: 'Language of the method labels',
				routing: toBody('locale'),
			},
		]),
	]),
];

import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { sendOnce } from './request/answer';
import { amountProperties, idProperties, listProperties, payerProperties, shopProperties } from './resources/common';
import { paymentLinkOperation } from './resources/paymentLink';
import { createOptions as paymentLinkCreateOptions } from './resources/paymentLink/create';
import { paymentMethodOperation } from './resources/paymentMethod';
import { getAvailableOptions } from './resources/paymentMethod/getAvailable';
import { paymentProfileOperation } from './resources/paymentProfile';
import { deactivateProperties } from './resources/paymentProfile/byId';
import { debitOptions } from './resources/paymentProfile/debit';
import { refundOperation } from './resources/refund';
import { createOptions as refundCreateOptions } from './resources/refund/create';
import { shopOperation } from './resources/shop';
import { getAllProperties as customerIdProperties } from './resources/paymentProfile/getAll';
import { transactionOperation } from './resources/transaction';
import { createOptions as transactionCreateOptions, createProperties as transactionCreateProperties } from './resources/transaction/create';
import { trustedIpOperation } from './resources/trustedIp';
import { setProperties as trustedIpSetProperties } from './resources/trustedIp/set';

export class Imoje implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'imoje',
		name: 'imoje',
		icon: { light: 'file:../../icons/imoje.svg', dark: 'file:../../icons/imoje.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create payment links and transactions, refund, and charge saved cards with imoje (ING)',
		defaults: { name: 'imoje' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imojeApi', required: true }],
		// No baseURL here: the credential's authenticate sets it (with the merchant ID)
		// without an expression to evaluate per item.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// Error answers reach each operation's answer step, which keeps imoje's code and field errors.
			ignoreHttpStatusErrors: true,
		},
		// Wraps each request to name a timeout plainly (see sendOnce); `paginate` on Resource turns it on.
		requestOperations: { pagination: sendOnce },
		// Every property n8n gets, in the order the editor shows them. Each operation's file
		// lists its fields in this order; shared ones are one property each (resources/common.ts).
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Payment Link', value: 'paymentLink' },
					{ name: 'Payment Method', value: 'paymentMethod' },
					{ name: 'Payment Profile (Saved Card)', value: 'paymentProfile' },
					{ name: 'Refund', value: 'refund' },
					{ name: 'Shop', value: 'shop' },
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'Trusted IP', value: 'trustedIp' },
				],
				default: 'paymentLink',
				routing: { send: { paginate: true } },
			},
			paymentLinkOperation,
			paymentMethodOperation,
			paymentProfileOperation,
			refundOperation,
			shopOperation,
			transactionOperation,
			trustedIpOperation,
			...idProperties,
			...customerIdProperties,
			...amountProperties,
			...transactionCreateProperties,
			...payerProperties,
			...shopProperties,
			...trustedIpSetProperties,
			...listProperties,
			...deactivateProperties,
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: {
					show: {
						resource: ['paymentLink', 'paymentMethod', 'paymentProfile', 'refund', 'transaction'],
						operation: ['create', 'debit', 'getAvailable'],
					},
				},
				// One collection for every operation, each option shown for its own: see resources/common.ts.
				options: [...paymentLinkCreateOptions, ...getAvailableOptions, ...debitOptions, ...refundCreateOptions, ...transactionCreateOptions].sort((a, b) =>
					a.displayName.localeCompare(b.displayName),
				),
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return the object inside imoje\'s wrapper (transaction, payment, service, paymentProfile) and one item per list element, instead of the answer as imoje sent it',
			},
		],
	};

	methods = methods;
}

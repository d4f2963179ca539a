import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { paymentLinkDescription } from './resources/paymentLink';
import { paymentMethodDescription } from './resources/paymentMethod';
import { paymentProfileDescription } from './resources/paymentProfile';
import { refundDescription } from './resources/refund';
import { shopDescription } from './resources/shop';
import { transactionDescription } from './resources/transaction';
import { trustedIpDescription } from './resources/trustedIp';
import { simplifyField } from './shared/fields';
import { handleResponse, prepareRequest, sendOnce } from './shared/hooks';
import { shareFields } from './shared/share';

/**
 * Every operation's fields as its own file lists them. The node shows the same fields,
 * with the copies several operations define merged into one property (see shareFields).
 */
export const operationProperties: INodeProperties[] = [
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
		// Every request of every operation passes through these two hooks.
		routing: {
			send: { preSend: [prepareRequest], paginate: true },
			output: { postReceive: [handleResponse] },
		},
	},
	...paymentLinkDescription,
	...paymentMethodDescription,
	...paymentProfileDescription,
	...refundDescription,
	...shopDescription,
	...transactionDescription,
	...trustedIpDescription,
	simplifyField,
];

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
			// Error answers reach handleResponse, which keeps imoje's code and field errors.
			ignoreHttpStatusErrors: true,
		},
		// sendOnce wraps every request (paginate: true below) to name a timeout plainly.
		requestOperations: { pagination: sendOnce },
		properties: shareFields(operationProperties),
	};

	methods = methods;
}

import type { INodeProperties } from 'n8n-workflow';

import { paymentLinkId, transactionId } from '../Imoje/fields/ids';

/**
 * How long a wait lasts and what counts as paid. Read by waitForPayment.ts when the wait
 * begins; the webhook reads the values it resolved then.
 */
const waitOptions: INodeProperties = {
	displayName: 'Options',
	name: 'waitOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Count Authorized as Paid',
			name: 'authorizedIsPaid',
			type: 'boolean',
			default: false,
			description: 'Whether a pre-authorized payment (status authorized, waiting for Capture) ends the wait as paid. Off: the wait goes on until it is captured (settled) or voided.',
		},
		{
			displayName: 'Time Limit',
			name: 'limitType',
			type: 'options',
			default: 'auto',
			options: [
				{ name: 'Payment\'s Expiry Plus 1 Hour, Else 7 Days', value: 'auto', description: 'When the payment has a Valid Until, 1 hour after it; otherwise 7 days after the wait begins' },
				{ name: 'After a Time Interval', value: 'afterInterval' },
				{ name: 'At a Date and Time', value: 'atDate' },
			],
			description: 'When the wait ends as not paid if imoje has not notified a final status. At the limit n8n resumes the execution without asking imoje again.',
		},
		{
			displayName: 'Time Limit Amount',
			name: 'limitAmount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			displayOptions: { show: { limitType: ['afterInterval'] } },
		},
		{
			displayName: 'Time Limit Date',
			name: 'limitDate',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { limitType: ['atDate'] } },
		},
		{
			displayName: 'Time Limit Unit',
			name: 'limitUnit',
			type: 'options',
			default: 'hours',
			options: [
				{ name: 'Minutes', value: 'minutes' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Days', value: 'days' },
			],
			displayOptions: { show: { limitType: ['afterInterval'] } },
		},
	],
};

/** The node's fields: what is waited for, which one, and the options. */
export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait For',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Payment Link', value: 'paymentLink', description: 'A link from imoje › Payment Link › Create: paid when one of its payments is' },
			{ name: 'Transaction', value: 'transaction', description: 'A payment from imoje › Transaction › Create or Payment Profile › Debit' },
		],
		default: 'paymentLink',
	},
	...paymentLinkId.properties.map((property) => ({ ...property, displayOptions: { show: { resource: ['paymentLink'] } } })),
	...transactionId.properties.map((property) => ({ ...property, displayOptions: { show: { resource: ['transaction'] } } })),
	waitOptions,
];

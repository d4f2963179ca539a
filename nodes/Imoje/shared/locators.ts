import type { INodeProperties } from 'n8n-workflow';

import { requireImojeId } from './hooks';
import { UUID_SOURCE } from './validation';

/**
 * Resource locators for everything imoje names by ID. Every imoje ID is a lowercase
 * UUID v4 (API.md, Basics); the editor checks the By ID form as it is typed, and
 * requireImojeId checks it again before the request (expressions included).
 *
 * No "By URL" mode: the only imoje URL a user holds is the payment page
 * (`https://paywall.imoje.pl/s/yfnZFcUOG7` in seed 01-payment-link-create.txt), and
 * its short code is not the payment link's ID.
 */
export const UUID_PATTERN = `^\\s*${UUID_SOURCE}\\s*$`;

const idValidation = (what: string, regex = UUID_PATTERN) => [
	{ type: 'regex' as const, properties: { regex, errorMessage: `Not a valid ${what} ID: imoje IDs look like 0f0cc3d0-aae8-410b-bf5c-358955c348e3` } },
];

/** A From list mode: which listSearch method fills it, and what the search box says. */
interface ListMode {
	method: string;
	placeholder: string;
	searchFilterRequired?: boolean;
}

/** An imoje ID as a locator; `list` adds a From list mode, `sendAs` puts the value in the body. */
export function idLocator(options: {
	name: string;
	displayName: string;
	what: string;
	description: string;
	list?: ListMode;
	sendAs?: string;
}): INodeProperties {
	const { name, displayName, what, description, list, sendAs } = options;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: list ? 'list' : 'id', value: '' },
		description,
		modes: [
			...(list
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: list.placeholder,
							typeOptions: { searchListMethod: list.method, searchable: true, searchFilterRequired: list.searchFilterRequired },
						},
					]
				: []),
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 0f0cc3d0-aae8-410b-bf5c-358955c348e3', validation: idValidation(what) },
		],
		routing: {
			send: {
				preSend: [requireImojeId(name, displayName)],
				// Plain routing: normalizeBody trims the ID (no expression per item).
				...(sendAs ? { type: 'body' as const, property: sendAs } : {}),
			},
		},
	};
}

export const transactionIdLocator = idLocator({
	name: 'transactionId',
	displayName: 'Transaction ID',
	what: 'transaction',
	description: 'The transaction imoje created (its ID comes from Create, or from an imoje Trigger as transaction.id)',
});

export const paymentLinkIdLocator = (sendAs?: string) =>
	idLocator({
		name: 'paymentId',
		displayName: 'Payment Link ID',
		what: 'payment link',
		description: 'The payment link\'s ID (from Create, or from an imoje Trigger as payment.id). The paywall URL\'s short code is not this ID.',
		sendAs,
	});

export const paymentProfileIdLocator = (sendAs?: string) =>
	idLocator({
		name: 'paymentProfileId',
		displayName: 'Payment Profile ID',
		what: 'payment profile',
		description: 'The saved card. From list: type the payer\'s customer ID (cid) to see their cards.',
		sendAs,
		list: { method: 'searchPaymentProfiles', placeholder: 'Type the payer\'s customer ID (cid)…', searchFilterRequired: true },
	});

/**
 * The shop, one parameter name (`shop`) wherever an operation can name one. Empty
 * means the credential's Shop ID (see prepareRequest and applyCredential).
 */
const shopLocatorBase: INodeProperties = {
	displayName: 'Shop',
	name: 'shop',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'Another shop of the same merchant. Leave empty to use the Shop ID from the credential.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'The credential\'s shop, or pick another…',
			typeOptions: { searchListMethod: 'searchShops', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. ab16c18c-e83b-424f-80c9-f839ed23181f', validation: idValidation('shop', `(${UUID_PATTERN})|^$`) },
	],
};

/** The shop sent in the body as `serviceId` (create, cancel, debit, refund). */
export const shopInBody: INodeProperties = {
	...shopLocatorBase,
	// Empty: prepareRequest puts the credential's Shop ID placeholder there, which the
	// credential fills in (no expression per item).
	routing: { send: { type: 'body', property: 'serviceId' } },
};

/** The shop in the URL path (shop get, payment methods): see shopInPath. */
export const shopInPathField: INodeProperties = shopLocatorBase;
/** `{shop}`: prepareRequest fills it in, with the credential's Shop ID when the field is empty. */
export const shopInPath = '{shop}';

import type { INodeProperties } from 'n8n-workflow';

import type { Field } from './field';
import { UUID_SOURCE, rules } from './rules';

/**
 * Resource locators for everything imoje names by ID. Every imoje ID is a UUID
 * (docs/imoje-api.md#basics); the editor checks the By ID form as it is typed, and prepare
 * checks it again before the request (expressions included).
 *
 * No "By URL" mode: the only imoje URL a user holds is the payment page
 * (https://paywall.imoje.pl/s/yfnZFcUOG7), and its short code is not the payment link's ID.
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

/**
 * An imoje ID as a locator, read and checked by prepare: it fills `{name}` in the
 * operation's url, or goes in the body where an operation says so (see withFacts).
 * `list` adds a From list mode.
 */
export function idLocator(options: { name: string; displayName: string; what: string; description: string; list?: ListMode }): Field {
	const { name, displayName, what, description, list } = options;
	const property: INodeProperties = {
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
	};
	return {
		properties: [property],
		facts: [{ path: name, inPath: true, label: displayName, kind: 'id', required: true, rules: [rules.uuid] }],
	};
}

export const transactionId = idLocator({
	name: 'transactionId',
	displayName: 'Transaction ID',
	what: 'transaction',
	description: 'The transaction imoje created (its ID comes from Create, or from an imoje Trigger as transaction.id)',
});

export const paymentLinkId = idLocator({
	name: 'paymentId',
	displayName: 'Payment Link ID',
	what: 'payment link',
	description: 'The payment link\'s ID (from Create, or from an imoje Trigger as payment.id). The paywall URL\'s short code is not this ID.',
});

export const paymentProfileId = idLocator({
	name: 'paymentProfileId',
	displayName: 'Payment Profile ID',
	what: 'payment profile',
	description: 'The saved card. From list: type the payer\'s customer ID (cid) to see their cards.',
	list: { method: 'searchPaymentProfiles', placeholder: 'Payer\'s customer ID (cid)', searchFilterRequired: true },
});

/**
 * The shop, one parameter name (`shop`) wherever an operation can name one, read by
 * prepare. Empty means the credential's Shop ID, which the credential fills in (see
 * credential.ts). Two properties: one show rule cannot cover both the operations that send
 * it in the body and those with it in the URL.
 */
function shop(inPath: boolean, description: string): Field {
	return {
		properties: [
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description,
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						placeholder: 'Credential\'s shop, or pick another',
						typeOptions: { searchListMethod: 'searchShops', searchable: true },
					},
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. ab16c18c-e83b-424f-80c9-f839ed23181f', validation: idValidation('shop', `(${UUID_PATTERN})|^$`) },
				],
			},
		],
		facts: [{ path: 'shop', inPath: true, into: inPath ? undefined : 'serviceId', label: 'Shop ID', kind: 'id', rules: [rules.uuid] }],
	};
}

const SHOP_DESCRIPTION = 'Another shop of the same merchant. Leave empty to use the Shop ID from the credential.';

/** The shop sent in the body as `serviceId` (create, cancel, debit, refund). */
export const shopInBody = shop(false, SHOP_DESCRIPTION);
/** The shop in the URL path (`{shop}`: shop get, payment methods). */
export const shopInPath = shop(true, SHOP_DESCRIPTION);

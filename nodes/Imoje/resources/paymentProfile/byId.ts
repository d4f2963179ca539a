import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { plain } from '../../fields/field';
import { paymentProfileId } from '../../fields/ids';
import { operation, ownProperties } from '../operation';

/** GET /profile/id/{id}: a saved card (docs/imoje-api.md#payment-profiles). */
export const get = operation({
	name: 'Get',
	value: 'get',
	action: 'Get payment profile',
	description: 'Get a saved card by its profile ID',
	request: { method: 'GET', url: '/profile/id/{paymentProfileId}' },
	fields: [paymentProfileId],
});

/**
 * imoje offers two deactivation endpoints with the same effect: DELETE on the profile's
 * address, and POST /profile/deactivate {paymentProfileId} (docs/imoje-api.md#payment-profiles).
 * The node uses DELETE; Options › Use POST Endpoint switches, for proxies that block DELETE.
 */
async function deactivateViaPost(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (!this.getNodeParameter('options.usePost', false)) return requestOptions;
	// prepare has checked the ID and put it, encoded, at the end of the DELETE address.
	const paymentProfileId = decodeURIComponent(String(requestOptions.url).split('/').pop() ?? '');
	return { ...requestOptions, method: 'POST', url: '/profile/deactivate', body: { paymentProfileId } };
}

const deactivateOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Use POST Endpoint',
			name: 'usePost',
			type: 'boolean',
			default: false,
			description: 'Whether to call POST /profile/deactivate instead of DELETE, for networks that block DELETE requests',
		},
	],
};

/** DELETE /profile/id/{id}: the saved card can no longer be charged. imoje documents no answer body. */
export const deactivate = operation({
	name: 'Deactivate',
	value: 'deactivate',
	action: 'Deactivate payment profile',
	description: 'Stop a saved card from being charged again',
	request: { method: 'DELETE', url: '/profile/id/{paymentProfileId}' },
	fields: [paymentProfileId, plain(deactivateOptions)],
	then: [deactivateViaPost],
	answer: { emptyMeansDone: true },
});

export const deactivateProperties = ownProperties('paymentProfile', 'deactivate', [plain(deactivateOptions)]);

import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { paymentProfileIdLocator } from '../../shared/locators';

/**
 * imoje offers two deactivation endpoints with the same effect (seed
 * 00-api-index.txt lists both as "Deactivating your OneClick or recurring
 * profile"). The node uses the REST form, DELETE on the profile's own address; the
 * POST form stays one switch away under Options, for networks whose proxies block
 * DELETE requests.
 */
/** Turns the DELETE request into POST /profile/deactivate {paymentProfileId} when asked to. */
export async function deactivateViaPost(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (!this.getNodeParameter('options.usePost', false)) return requestOptions;
	const paymentProfileId = String(this.getNodeParameter('paymentProfileId', '', { extractValue: true })).trim();
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
			routing: { send: { preSend: [deactivateViaPost] } },
		},
	],
};

export const paymentProfileByIdDescription: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['paymentProfile'], operation: ['get', 'deactivate'] } }, [paymentProfileIdLocator()]),
	...updateDisplayOptions({ show: { resource: ['paymentProfile'], operation: ['deactivate'] } }, [deactivateOptions]),
];

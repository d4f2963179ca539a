import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { applyCredential } from '../nodes/Imoje/credential';

const WHERE = 'In the imoje panel: Shops › your shop › Details › Data for integration.';

export class ImojeApi implements ICredentialType {
	name = 'imojeApi';

	// n8n's lint wants title case here; imoje itself writes its name in lower case.
	displayName = 'Imoje API';

	icon: Icon = { light: 'file:../icons/imoje.svg', dark: 'file:../icons/imoje.dark.svg' };

	documentationUrl = 'https://bump.sh/pgw/doc/imoje-api-en/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.imoje.pl' },
				{ name: 'Sandbox', value: 'sandbox', description: 'https://sandbox.api.imoje.pl, with test cards and no real money' },
				{ name: 'Custom Base URL', value: 'custom', description: 'Another imoje host, or a local simulator' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.imoje.pl/v1/merchant',
			description: 'The API root up to and including /v1/merchant, without the Merchant ID. The credential test says "Invalid URL" when it does not end with /v1/merchant.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			description: `Your merchant account's ID. ${WHERE}`,
		},
		{
			displayName: 'Shop ID',
			name: 'serviceId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ab16c18c-e83b-424f-80c9-f839ed23181f',
			description: `The shop (serviceId) used unless an operation names another. ${WHERE}`,
		},
		{
			displayName: 'Authorization Token',
			name: 'authorizationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `Sent as a Bearer token with every request. ${WHERE}`,
		},
		{
			displayName: 'Shop Key',
			name: 'shopSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `Needed by the imoje Trigger to verify that notifications come from imoje; not used by the imoje node. ${WHERE}`,
		},
	];

	// A function rather than a generic block: it sets the Bearer header, the base URL and
	// the Shop ID from the decrypted values without evaluating an expression per request
	// (see applyCredential).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return applyCredential(credentials, requestOptions);
	}

	// Reading the credential's own shop proves the token, the Merchant ID and the Shop ID at once.
	// A custom Base URL must be imoje's API root, ending in /v1/merchant (docs/imoje-api.md#basics):
	// without it every path misses and imoje's 404 would read as unknown IDs, so such a URL
	// is checked up front and replaced by an address n8n refuses ("Invalid URL") before any
	// request. (Rules only compare a status code, and imoje's 404 for unknown IDs has the
	// same code as a wrong path, so the URL's shape is the one thing to tell them apart by.)
	// The base URL (relative paths) and the Bearer token come from authenticate, as for the node.
	test: ICredentialTestRequest = {
		request: {
			url:
				'={{ $credentials.environment !== "custom" || /\\/v1\\/merchant\\/*$/.test(String($credentials.baseUrl).trim()) ? "/service/" + encodeURIComponent(String($credentials.serviceId).trim()) : "http://[base-url-must-end-with-v1-merchant]/" }}',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'imoje did not accept the Authorization token. Copy it again from the imoje panel and check the environment (production or sandbox).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'imoje does not know this Merchant ID or Shop ID. Check both in the imoje panel (Shops › Details › Data for integration) and the environment.',
				},
			},
		],
	};
}

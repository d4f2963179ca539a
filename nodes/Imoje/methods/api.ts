import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { imojeApiError } from '../request/errors';

/** The credential's own shop, used whenever a Shop field is left empty. */
export async function credentialShopId(context: ILoadOptionsFunctions): Promise<string> {
	const credentials = await context.getCredentials('imojeApi');
	return String(credentials.serviceId ?? '').trim();
}

/**
 * GET on the merchant's API through n8n's authenticated request helper. An imoje
 * error becomes the same NodeApiError the node throws, so the dropdown shows imoje's
 * code and message instead of an empty list. `notFound` is the answer to use when
 * imoje's 404 means "none" rather than a fault.
 */
export async function imojeGet(context: ILoadOptionsFunctions, path: string, options: { notFound?: unknown } = {}): Promise<unknown> {
	// A relative URL: the credential's authenticate adds the merchant's API root (applyCredential).
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, 'imojeApi', {
		method: 'GET',
		url: path,
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as { statusCode: number; body: unknown };
	if (response.statusCode === 404 && 'notFound' in options) return options.notFound;
	if (response.statusCode >= 400) throw imojeApiError(context.getNode(), response.statusCode, response.body);
	return response.body;
}

/** The value of a Shop locator (or a plain string from older workflows); empty means the credential's shop. */
export async function chosenShopId(context: ILoadOptionsFunctions): Promise<string> {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter('shop', { extractValue: true });
	} catch {
		value = undefined;
	}
	const id = typeof value === 'string' ? value.trim() : '';
	// An expression (e.g. "={{ $json.shop }}") cannot be resolved in the editor: use the credential's shop.
	return id && !id.startsWith('=') ? id : credentialShopId(context);
}

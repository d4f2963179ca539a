import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { rules } from './fields/rules';
import { isWaitStepUrl } from './wait/address';

/**
 * Everything a request takes from the imoje credential, applied by the credential's
 * `authenticate` function to each request with the decrypted values in hand. Doing it
 * there rather than in `={{ $credentials… }}` expressions matters for speed: n8n
 * evaluates each such expression per item in its sandboxed expression runtime, and in
 * a run of 1,000 items the base URL, the Bearer header and the Shop ID cost more
 * than the requests themselves.
 */
export const IMOJE_PRODUCTION_URL = 'https://api.imoje.pl/v1/merchant';
export const IMOJE_SANDBOX_URL = 'https://sandbox.api.imoje.pl/v1/merchant';

/**
 * Stands for the credential's Shop ID in a URL path (`/service/{credentialShopId}`) or
 * as the body's `serviceId`, until applyCredential puts the Shop ID there.
 */
export const CREDENTIAL_SHOP_ID = '{credentialShopId}';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** The API root for the credential's environment, with the merchant ID appended (every imoje path starts with it). */
export function merchantApiRoot(credentials: ICredentialDataDecryptedObject): string {
	const root =
		credentials.environment === 'custom'
			? text(credentials.baseUrl).replace(/\/+$/, '')
			: credentials.environment === 'sandbox'
				? IMOJE_SANDBOX_URL
				: IMOJE_PRODUCTION_URL;
	return `${root}/${encodeURIComponent(text(credentials.merchantId))}`;
}

function credentialShopId(credentials: ICredentialDataDecryptedObject): string {
	const shopId = text(credentials.serviceId);
	const problem = rules.uuid(shopId);
	// Thrown before anything is sent; n8n shows it as the node's error.
	if (problem) throw new Error(`Invalid "Shop ID" in the imoje credential: ${problem}`);
	return shopId;
}

/**
 * imoje calls a payment's notificationUrl only on a public address, port 80 or 443 with no
 * port written (docs/imoje-api.md#notifications). Checked for imoje's own hosts; a Custom
 * Base URL (another host, or a local simulator) may send anywhere.
 */
function checkNotificationUrl(credentials: ICredentialDataDecryptedObject, body: { notificationUrl?: unknown }): void {
	if (credentials.environment === 'custom' || typeof body.notificationUrl !== 'string') return;
	const problem = rules.publicUrl(body.notificationUrl);
	if (!problem) return;
	if (!isWaitStepUrl(body.notificationUrl)) throw new Error(`Invalid "Notification URL": ${problem}`);
	const { origin } = new URL(body.notificationUrl);
	throw new Error(
		`Invalid "Notify Wait for Payment Step": imoje cannot call this n8n at ${origin}: ${problem}. Set n8n's WEBHOOK_URL to its public https address.`,
	);
}

/**
 * Adds the Bearer token, the base URL (for relative URLs) and the credential's Shop ID
 * where a placeholder asks for it. Returns new options; the input is left as it was.
 */
export function applyCredential(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${text(credentials.authorizationToken)}` },
	};
	const url = String(options.url ?? '');
	if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !options.baseURL) options.baseURL = merchantApiRoot(credentials);
	if (url.includes(CREDENTIAL_SHOP_ID)) {
		options.url = url.split(CREDENTIAL_SHOP_ID).join(encodeURIComponent(credentialShopId(credentials)));
	}
	const body = options.body as { serviceId?: unknown; notificationUrl?: unknown } | undefined;
	if (body && typeof body === 'object') checkNotificationUrl(credentials, body);
	if (body && typeof body === 'object' && body.serviceId === CREDENTIAL_SHOP_ID) {
		options.body = { ...body, serviceId: credentialShopId(credentials) };
	}
	return options;
}

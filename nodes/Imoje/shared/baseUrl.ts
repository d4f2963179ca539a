/**
 * The API root for the credential's environment, with the merchant ID appended
 * (every imoje path starts with it). Shared by the node and the credential test.
 */
export const IMOJE_PRODUCTION_URL = 'https://api.imoje.pl/v1/merchant';
export const IMOJE_SANDBOX_URL = 'https://sandbox.api.imoje.pl/v1/merchant';

export const merchantBaseUrl =
	'={{ ($credentials.environment === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : $credentials.environment === "sandbox" ? "' +
	IMOJE_SANDBOX_URL +
	'" : "' +
	IMOJE_PRODUCTION_URL +
	'") + "/" + encodeURIComponent(String($credentials.merchantId).trim()) }}';

/**
 * What the credential's authenticate adds to each request (applyCredential): the
 * Bearer token, the base URL of the environment with the merchant ID, and the
 * credential's Shop ID where a request holds its placeholder. No expressions involved.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { ImojeApi } from '../../dist/credentials/ImojeApi.credentials';
import {
	CREDENTIAL_SHOP_ID,
	IMOJE_PRODUCTION_URL,
	IMOJE_SANDBOX_URL,
	applyCredential,
	merchantApiRoot,
} from '../../dist/nodes/Imoje/credential';
import { MERCHANT_ID, SHOP_ID, TEST_CREDENTIALS, BEARER_WORD, BASE_URL } from '../engine/harness';

const request = (extra: Partial<IHttpRequestOptions> = {}): IHttpRequestOptions => ({ url: '/payment', method: 'POST', ...extra });

test.each([
	['production', IMOJE_PRODUCTION_URL],
	['sandbox', IMOJE_SANDBOX_URL],
	['custom', BASE_URL],
])('the %s environment gives its API root with the merchant ID', (environment, root) => {
	expect(merchantApiRoot({ ...TEST_CREDENTIALS, environment })).toBe(`${root}/${MERCHANT_ID}`);
});

test('a custom base URL is trimmed of spaces and trailing slashes; the merchant ID is encoded', () => {
	expect(merchantApiRoot({ ...TEST_CREDENTIALS, baseUrl: ` ${BASE_URL}// `, merchantId: ' a/b ' })).toBe(`${BASE_URL}/a%2Fb`);
});

test('adds the Bearer token and the base URL to a relative request, keeping its headers', () => {
	const out = applyCredential(TEST_CREDENTIALS, request({ headers: { Accept: 'application/json' } }));
	expect(out.headers).toEqual({ Accept: 'application/json', Authorization: `Bearer ${BEARER_WORD}` });
	expect(out.baseURL).toBe(`${BASE_URL}/${MERCHANT_ID}`);
	expect(out.url).toBe('/payment');
});

test('leaves an absolute URL and a given base URL alone', () => {
	expect(applyCredential(TEST_CREDENTIALS, request({ url: 'https://example.com/x' })).baseURL).toBeUndefined();
	expect(applyCredential(TEST_CREDENTIALS, request({ baseURL: 'https://other.test/v1' })).baseURL).toBe('https://other.test/v1');
});

test('fills the Shop ID placeholder in the path and in the body, trimmed', () => {
	const out = applyCredential(
		{ ...TEST_CREDENTIALS, serviceId: ` ${SHOP_ID} ` },
		request({ url: `/service/${CREDENTIAL_SHOP_ID}`, body: { serviceId: CREDENTIAL_SHOP_ID, amount: 1 } }),
	);
	expect(out.url).toBe(`/service/${SHOP_ID}`);
	expect(out.body).toEqual({ serviceId: SHOP_ID, amount: 1 });
});

test('a Shop ID given in the request is kept', () => {
	const other = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
	expect(applyCredential(TEST_CREDENTIALS, request({ body: { serviceId: other } })).body).toEqual({ serviceId: other });
});

test('a credential Shop ID that is not a UUID stops the request, naming the field', () => {
	const bad = { ...TEST_CREDENTIALS, serviceId: 'my shop' };
	expect(() => applyCredential(bad, request({ body: { serviceId: CREDENTIAL_SHOP_ID } }))).toThrow(/Invalid "Shop ID" in the imoje credential: must be an imoje ID/);
	// Not needed, not checked: a request without the placeholder goes through.
	expect(() => applyCredential(bad, request())).not.toThrow();
});

test('returns new options and leaves the input as it was', () => {
	const input = request({ headers: { Accept: 'application/json' }, body: { serviceId: CREDENTIAL_SHOP_ID } });
	const copy = JSON.parse(JSON.stringify(input));
	applyCredential(TEST_CREDENTIALS, input);
	expect(input).toEqual(copy);
});

test('the credential type authenticates with this function', async () => {
	const credential = new ImojeApi();
	expect(typeof credential.authenticate).toBe('function');
	const out = await (credential.authenticate as (c: typeof TEST_CREDENTIALS, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(TEST_CREDENTIALS, request());
	expect(out.headers?.Authorization).toBe(`Bearer ${BEARER_WORD}`);
});

/** The credential's test request, run the way n8n's credential tester runs it. */
import { IMOJE_PRODUCTION_URL, IMOJE_SANDBOX_URL } from '../../dist/nodes/Imoje/credential';
import { MERCHANT_ID, SHOP_ID, TEST_CREDENTIALS, BEARER_WORD, credentialTestNodeType, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import nock from 'nock';

import { ImojeApi } from '../../dist/credentials/ImojeApi.credentials';

beforeEach(resetImoje);

test('reads the credential\'s own shop with the Bearer token', async () => {
	const captured = imojeAnswers(200, { service: { id: SHOP_ID, isActive: true } });
	const result = await runImoje({ parameters: {}, nodeType: credentialTestNodeType() });
	expect(result.error).toBeUndefined();
	expect(captured.map(({ method, path, headers }) => [method, path, headers.authorization])).toEqual([
		['GET', `/v1/merchant/${MERCHANT_ID}/service/${SHOP_ID}`, `Bearer ${BEARER_WORD}`],
	]);
});

test.each([
	['production', IMOJE_PRODUCTION_URL],
	['sandbox', IMOJE_SANDBOX_URL],
])('%s environment calls %s', async (environment, url) => {
	const { origin, pathname } = new URL(url);
	const scope = nock(origin).get(`${pathname}/${MERCHANT_ID}/service/${SHOP_ID}`).reply(200, { service: { id: SHOP_ID } });
	const result = await runImoje({ parameters: {}, nodeType: credentialTestNodeType(), credentials: { ...TEST_CREDENTIALS, environment, baseUrl: '' } });
	expect(result.error).toBeUndefined();
	expect(scope.isDone()).toBe(true);
});

test('a custom base URL with a trailing slash and spaces still resolves', async () => {
	const captured = imojeAnswers(200, { service: { id: SHOP_ID } });
	await runImoje({ parameters: {}, nodeType: credentialTestNodeType(), credentials: { ...TEST_CREDENTIALS, baseUrl: ` ${TEST_CREDENTIALS.baseUrl}/ ` } });
	expect(captured.map(({ path }) => path)).toEqual([`/v1/merchant/${MERCHANT_ID}/service/${SHOP_ID}`]);
});

test('a wrong token fails the test', async () => {
	imojeAnswers(401, { apiErrorResponse: { message: 'Unauthorized' } });
	const result = await runImoje({ parameters: {}, nodeType: credentialTestNodeType(), credentials: { ...TEST_CREDENTIALS, authorizationToken: 'wrong' } });
	expect(result.error?.message).toMatch(/401|Authorization/i);
});

test.each([
	['missing /v1/merchant', 'https://imoje.test'],
	['another path', 'https://imoje.test/api/v2'],
])('a custom base URL %s is told apart from unknown IDs: refused before any request', async (_name, baseUrl) => {
	const captured = imojeAnswers(404, { apiErrorResponse: { message: 'Not found' } });
	nock('https://imoje.test').persist().get(/.*/).reply(404, '<html>Not Found</html>');
	const result = await runImoje({ parameters: {}, nodeType: credentialTestNodeType(), credentials: { ...TEST_CREDENTIALS, baseUrl } });
	expect(captured).toHaveLength(0);
	expect(result.error?.message).toBe('Invalid URL');
	expect(new ImojeApi().properties.find(({ name }) => name === 'baseUrl')?.description).toContain('"Invalid URL" when it does not end with /v1/merchant');
});

test('unknown IDs at a well-formed address get the 404 rule, which names the Merchant ID and Shop ID', async () => {
	imojeAnswers(404, { apiErrorResponse: { message: 'Not found' } });
	const result = await runImoje({ parameters: {}, nodeType: credentialTestNodeType() });
	expect(result.error?.httpCode).toBe('404');
	const rule = new ImojeApi().test.rules?.find(({ properties }) => properties.value === 404);
	expect(rule?.properties.message).toMatch(/does not know this Merchant ID or Shop ID/);
});

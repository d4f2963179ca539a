/** The credential's test request, run the way n8n's credential tester runs it. */
import { IMOJE_PRODUCTION_URL, IMOJE_SANDBOX_URL } from '../../dist/nodes/Imoje/shared/baseUrl';
import { MERCHANT_ID, SHOP_ID, TEST_CREDENTIALS, BEARER_WORD, credentialTestNodeType, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import nock from 'nock';

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

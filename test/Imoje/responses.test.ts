/**
 * What users get back: imoje's shapes kept (can-refund) or flattened as documented
 * (refunds[]), a 2xx that is not imoje's JSON refused, input errors shown as the node's
 * own, and a silent imoje reported as a timeout after the Timeout option's seconds.
 */
import { DirectoryLoader } from 'n8n-core';
import type { IDataObject, NodeApiError } from 'n8n-workflow';
import nock from 'nock';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { prepare } from '../../dist/nodes/Imoje/request/prepare';

const prepareRequest = prepare([]);
import { API, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink } from './parameters';

const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
const REFUND = 'c2f1d0e4-5b6a-4c7d-8e9f-0a1b2c3d4e5f';

beforeEach(resetImoje);

test('can-refund is kept as imoje sends it: balance a boolean, fullRefund an amount', async () => {
	const answer = { id: TRX, refundable: true, balance: false, fullRefund: 10000, partialRefund: { maxRefundAmount: 10000, minRefundAmount: 1 } };
	imojeAnswers(200, answer);
	const result = await runImoje({ parameters: { resource: 'refund', operation: 'checkPossibility', transactionId: TRX, amount: 500 } });
	expect(result.items.map(({ json }) => json)).toEqual([answer]);
	expect(typeof result.items[0].json.balance).toBe('boolean');
});

test('Simplify flattens refunds[] elements wrapped as {transaction: {...}}; raw keeps them', async () => {
	const refund = { id: REFUND, type: 'refund', status: 'settled', amount: 500 };
	imojeAnswers(200, { transaction: { id: TRX, status: 'settled', refunds: [{ transaction: refund }] } });
	const simplified = await runImoje({ parameters: { resource: 'transaction', operation: 'get', transactionId: TRX } });
	expect(simplified.items[0].json).toEqual({ id: TRX, status: 'settled', refunds: [refund] });
	const raw = await runImoje({ parameters: { resource: 'transaction', operation: 'get', transactionId: TRX, simplify: false } });
	expect(raw.items[0].json).toEqual({ transaction: { id: TRX, status: 'settled', refunds: [{ transaction: refund }] } });
});

describe('a 2xx that is not imoje\'s JSON', () => {
	const link = paymentLink();

	test.each<[string, string, Record<string, string>, RegExp]>([
		['an HTML page', '<html><body><h1>Welcome</h1></body></html>', { 'Content-Type': 'text/html' }, /imoje answered HTTP 200 with a body that is not imoje's JSON/],
		['an empty body', '', {}, /imoje answered HTTP 200 with an empty body where it sends JSON/],
		['JSON that is a bare string', '"ok"', {}, /not imoje's JSON/],
	])('%s becomes an error, not a "successful" item', async (_name, reply, headers, message) => {
		imojeAnswers(200, reply, headers);
		const result = await runImoje({ parameters: link });
		const error = result.error as unknown as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(message);
		expect(error.description).toContain('check in the imoje panel');
		expect(result.items).toEqual([]);
	});

	test.each<[string, IDataObject]>([
		['capture', { resource: 'transaction', operation: 'capture', transactionId: TRX }],
		['void', { resource: 'transaction', operation: 'void', transactionId: TRX }],
		['profile deactivate', { resource: 'paymentProfile', operation: 'deactivate', paymentProfileId: PROFILE }],
		['trusted IPs set', { resource: 'trustedIp', operation: 'set', ips: '203.0.113.7' }],
	])('%s, documented without a body, still gives {success: true} when empty', async (_name, parameters) => {
		imojeAnswers(200, '');
		const result = await runImoje({ parameters });
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json)).toEqual([{ success: true }]);
	});
});

test('an input error is the node\'s own: no HTTP code, no "From imoje" block, the field named', async () => {
	const captured = imojeAnswers(200, {});
	const result = await runImoje({ parameters: { resource: 'transaction', operation: 'get', transactionId: 'not-an-id' } });
	const error = result.error as unknown as NodeApiError;
	expect(captured).toHaveLength(0);
	expect(error.name).toBe('NodeOperationError');
	expect(error.message).toBe('Invalid "Transaction ID": must be an imoje ID (a UUID such as 0f0cc3d0-aae8-410b-bf5c-358955c348e3)');
	expect(error.description).toBe('Got "not-an-id".');
	// What n8n's editor shows the "From imoje · Error code" block for (NodeErrorView: httpCode, messages, context.data).
	expect(error.httpCode).toBeNull();
	expect(error.messages).toEqual([]);
	expect(error.context.data).toBeUndefined();
});

describe('Timeout', () => {
	/** The node as n8n loads it, with the Request Options n8n adds to declarative nodes. */
	const loaded = () => {
		const node = new Imoje();
		DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
		return node;
	};

	test('a silent imoje gives "timed out after N seconds" with the Request Options timeout', async () => {
		nock(API).post('/payment/cancel').delay(1500).reply(200, { id: 'x' });
		const result = await runImoje({
			nodeType: loaded(),
			parameters: { resource: 'paymentLink', operation: 'cancel', paymentId: '0f0cc3d0-aae8-410b-bf5c-358955c348e3', requestOptions: { timeout: 300 } },
		});
		expect(result.error?.message).toBe('The request to imoje timed out after 0.3 seconds');
		expect(result.error?.description).toContain('Request Options');
	});

	test('without a Timeout set, a request waits 30 seconds, not n8n\'s 300', async () => {
		const unset = (name: string, fallback: unknown) => ({ resource: 'transaction', operation: 'get' })[name] ?? fallback;
		const context = { getNodeParameter: unset, getNode: () => ({}), getItemIndex: () => 0 };
		const prepared = await prepareRequest.call(context as never, { method: 'GET', url: '/x', timeout: 300_000 });
		expect(prepared.timeout).toBe(30_000);
		const chosen = (name: string, fallback: unknown) => (name === 'requestOptions.timeout' ? 5000 : unset(name, fallback));
		const kept = await prepareRequest.call({ ...context, getNodeParameter: chosen } as never, { method: 'GET', url: '/x', timeout: 5000 });
		expect(kept.timeout).toBe(5000);
	});
});

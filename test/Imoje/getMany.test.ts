/** Return All / Limit on every Get Many, through the engine. */
import type { IDataObject } from 'n8n-workflow';

import { runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';

const shops = [1, 2, 3].map((n) => ({ service: { id: `0000000${n}-0000-4000-8000-000000000000` } }));

beforeEach(resetImoje);

test.each([
	[{ returnAll: false, limit: 2 }, 2],
	[{ returnAll: true, limit: 2 }, 3],
	[{}, 3], // the default limit (50) is above the list
])('Shop › Get Many with %j returns %i shops', async (parameters: IDataObject, count: number) => {
	imojeAnswers(200, shops);
	const result = await runImoje({ parameters: { resource: 'shop', operation: 'getAll', ...parameters } });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(count);
});

test('Trusted IP › Get Many keeps one item and cuts the list inside it', async () => {
	imojeAnswers(200, { trustedIps: ['203.0.113.7', '198.51.100.1', '198.51.100.2'] });
	const result = await runImoje({ parameters: { resource: 'trustedIp', operation: 'getAll', limit: 1 } });
	expect(result.items.map((item) => item.json)).toEqual([{ trustedIps: ['203.0.113.7'] }]);
});

test('Payment Profile › Get Many by cid honours Limit', async () => {
	imojeAnswers(200, { paymentProfiles: [{ id: 'a' }, { id: 'b' }] });
	const result = await runImoje({ parameters: { resource: 'paymentProfile', operation: 'getAll', cid: 'c-1', limit: 1 } });
	expect(result.items.map((item) => item.json)).toEqual([{ id: 'a' }]);
});

test('a Limit below 1 is refused, naming the field', async () => {
	imojeAnswers(200, shops);
	const result = await runImoje({ parameters: { resource: 'shop', operation: 'getAll', limit: 0 } });
	expect(result.error?.message).toBe('Invalid "Limit": must be a whole number, 1 or more (got 0)');
});

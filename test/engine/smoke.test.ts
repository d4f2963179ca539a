import nock from 'nock';

import { API, SHOP_ID, TOKEN, runImoje } from './harness';

test('smoke', async () => {
	const scope = nock(API).get(`/service/${SHOP_ID}`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(200, { service: { id: SHOP_ID, isActive: true } });
	const result = await runImoje({ parameters: { resource: 'shop', operation: 'get' } });
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json)).toEqual([{ id: SHOP_ID, isActive: true }]);
	scope.done();
});

/**
 * The trigger's webhook() behind a real HTTP request: status code, body, and whether
 * an execution started. Notifications are signed by the simulator's own signer, an
 * implementation separate from the one under test.
 */
import { sign } from '../../tools/imoje-sim';
import { MERCHANT_ID, SHOP_ID, SHOP_SIGNING_WORD, TEST_CREDENTIALS } from '../engine/harness';
import { serveTrigger } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';

const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';

const settled = {
	transaction: {
		id: TRX, type: 'sale', status: 'settled', amount: 10000, currency: 'PLN', orderId: 'ORDER-7', paymentMethod: 'blik',
		paymentMethodCode: 'blik', modified: 1735686100, serviceId: SHOP_ID,
	},
	payment: { id: LINK, status: 'settled', modified: 1735686100 },
};

const headerFor = (raw: string, { key = SHOP_SIGNING_WORD, shop = SHOP_ID, alg = 'sha256' } = {}) => ({
	'X-Imoje-Signature': `merchantid=${MERCHANT_ID};serviceid=${shop};signature=${sign(raw, key, alg)};alg=${alg}`,
});

let trigger: TriggerServer;
afterEach(async () => trigger?.close());

async function deliver(body: object | string, parameters = {}, signing = {}) {
	trigger = trigger ?? (await serveTrigger(parameters));
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	return await trigger.post(raw, headerFor(raw, signing));
}

describe('verified notifications', () => {
	beforeEach(() => {
		trigger = undefined as unknown as TriggerServer;
	});

	test('a valid notification is answered 200 {"status":"ok"} and starts one execution with conveniences on top', async () => {
		const delivery = await deliver(settled);
		expect(delivery.status).toBe(200);
		expect(delivery.body).toEqual({ status: 'ok' });
		expect(delivery.started).toHaveLength(1);
		expect(delivery.started![0].json).toEqual({
			event: 'paymentStatus', status: 'settled', orderId: 'ORDER-7', amount: 10000, currency: 'PLN', transactionId: TRX,
			paymentId: LINK, transactionType: 'sale', paymentMethod: 'blik', ...settled,
		});
	});

	test('the exact bytes are verified: spacing imoje did not re-serialise is kept', async () => {
		const raw = '{ "transaction" : {"id":"' + TRX + '","status":"pending","orderId":"Zamówienie ąę"} }';
		const delivery = await deliver(raw);
		expect(delivery.status).toBe(200);
		expect(delivery.started![0].json).toMatchObject({ status: 'pending', orderId: 'Zamówienie ąę' });
	});

	test.each(['sha224', 'sha384', 'sha512'])('%s signatures are accepted', async (alg) => {
		const delivery = await deliver(settled, {}, { alg });
		expect([delivery.status, delivery.started?.length]).toEqual([200, 1]);
	});

	test.each([
		['payment link expired', { payment: { id: LINK, status: 'cancelled', orderId: 'O-1', amount: 100, currency: 'PLN' } }, 'paymentLinkClosed', { paymentId: LINK, status: 'cancelled', orderId: 'O-1' }],
		['refund', { transaction: { id: TRX, type: 'refund', status: 'settled', amount: 500 } }, 'refund', { transactionType: 'refund', amount: 500 }],
		['recurring debit', { transaction: { id: TRX, type: 'sale', status: 'settled', statusCode: 'CODE_000', paymentProfile: { id: 'p' } } }, 'profilePayment', { transactionId: TRX }],
		['authorized (pre-authorisation)', { transaction: { id: TRX, type: 'sale', status: 'authorized' } }, 'paymentStatus', { status: 'authorized' }],
	])('%s is told apart', async (_name, body, event, fields) => {
		const delivery = await deliver(body);
		expect(delivery.started![0].json).toMatchObject({ event, ...fields });
	});
});

describe('refused', () => {
	beforeEach(async () => {
		trigger = await serveTrigger({});
	});

	const refusals: Array<[string, () => Record<string, string>, string]> = [
		['forged with another key', () => headerFor(JSON.stringify(settled), { key: 'guessed-key' }), 'bad-signature'],
		['for another shop', () => headerFor(JSON.stringify(settled), { shop: 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7' }), 'wrong-shop'],
		['unsigned', () => ({}), 'missing-header'],
		['with md5', () => ({ 'X-Imoje-Signature': `merchantid=${MERCHANT_ID};serviceid=${SHOP_ID};signature=${sign(JSON.stringify(settled), SHOP_SIGNING_WORD, 'md5')};alg=md5` }), 'unsupported-algorithm'],
	];
	test.each(refusals)('%s: 401, nothing starts', async (_name, headers, reason) => {
		const delivery = await trigger.post(JSON.stringify(settled), headers());
		expect(delivery.status).toBe(401);
		expect(delivery.body).toEqual({ status: 'error', message: `signature check failed: ${reason}` });
		expect(delivery.started).toBeUndefined();
	});

	test('tampered: one byte of the body changed after signing', async () => {
		const raw = JSON.stringify(settled);
		const delivery = await trigger.post(raw.replace('10000', '90000'), headerFor(raw));
		expect([delivery.status, delivery.started]).toEqual([401, undefined]);
	});

	test('a signed body that is not JSON: 400', async () => {
		const raw = 'status=settled&amount=100';
		const delivery = await trigger.post(raw, headerFor(raw));
		expect(delivery.status).toBe(400);
		expect(delivery.started).toBeUndefined();
	});

	test('a signed JSON body with neither transaction nor payment: 400', async () => {
		const raw = '{"hello":"world"}';
		expect((await trigger.post(raw, headerFor(raw))).status).toBe(400);
	});
});

test('without a shop key in the credential every notification is refused, never accepted', async () => {
	trigger = await serveTrigger({}, { ...TEST_CREDENTIALS, shopSecretKey: '' });
	const raw = JSON.stringify(settled);
	const delivery = await trigger.post(raw, headerFor(raw, { key: '' }));
	expect(delivery.status).toBe(401);
	expect(delivery.body).toEqual({ status: 'error', message: 'the imoje credential has no Shop key, so notifications cannot be verified' });
	expect(delivery.started).toBeUndefined();
});

describe('filters answer 200 {"status":"ok"} and start nothing', () => {
	test.each([
		['event', { events: ['refund'] }],
		['status', { statuses: ['rejected', 'error'] }],
		['payment method', { paymentMethods: ['card'] }],
	])('filtered out by %s', async (_name, parameters) => {
		trigger = await serveTrigger(parameters);
		const raw = JSON.stringify(settled);
		const delivery = await trigger.post(raw, headerFor(raw));
		expect([delivery.status, delivery.body, delivery.started]).toEqual([200, { status: 'ok' }, undefined]);
	});

	test('a matching filter lets it through', async () => {
		trigger = await serveTrigger({ events: ['paymentStatus'], statuses: ['settled'], paymentMethods: ['blik'] });
		const raw = JSON.stringify(settled);
		expect((await trigger.post(raw, headerFor(raw))).started).toHaveLength(1);
	});
});

describe('repeats', () => {
	test('the same notification again is answered 200 but starts nothing; a new status starts again', async () => {
		trigger = await serveTrigger({});
		const raw = JSON.stringify(settled);
		const first = await trigger.post(raw, headerFor(raw));
		const again = await trigger.post(raw, headerFor(raw));
		const changed = JSON.stringify({ ...settled, transaction: { ...settled.transaction, status: 'cancelled', modified: 1735686200 } });
		const third = await trigger.post(changed, headerFor(changed));
		expect([first.started?.length, again.status, again.body, again.started, third.started?.length]).toEqual([1, 200, { status: 'ok' }, undefined, 1]);
		expect(trigger.nodeStaticData().seenNotifications).toHaveLength(2);
	});

	test('with dropping turned off, a repeat starts again', async () => {
		trigger = await serveTrigger({ dropDuplicates: false });
		const raw = JSON.stringify(settled);
		await trigger.post(raw, headerFor(raw));
		expect((await trigger.post(raw, headerFor(raw))).started).toHaveLength(1);
	});
});

describe("imoje's sender addresses", () => {
	test('a request from elsewhere is refused with 403 before anything else', async () => {
		trigger = await serveTrigger({ options: { onlyImojeSenders: true } });
		const raw = JSON.stringify(settled);
		const delivery = await trigger.post(raw, headerFor(raw));
		expect([delivery.status, delivery.started]).toEqual([403, undefined]);
	});

	test('a request n8n sees from an imoje address (via a trusted proxy) is accepted', async () => {
		trigger = await serveTrigger({ options: { onlyImojeSenders: true } }, TEST_CREDENTIALS, { trustProxy: true });
		const raw = JSON.stringify(settled);
		const delivery = await trigger.post(raw, { ...headerFor(raw), 'X-Forwarded-For': '54.37.185.90' });
		expect([delivery.status, delivery.started?.length]).toEqual([200, 1]);
	});
});

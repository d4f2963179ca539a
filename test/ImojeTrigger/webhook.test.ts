/**
 * The trigger's webhook() behind a real HTTP request, answered the way n8n 2.38 answers:
 * status code, exact body and content type, and whether an execution was stored.
 */
import { sign } from '../../tools/imoje-sim';
import { forgetProcessMemory } from '../../dist/nodes/ImojeTrigger/dedupe';
import { MERCHANT_ID, SHOP_ID, SHOP_SIGNING_WORD, TEST_CREDENTIALS } from '../engine/harness';
import { serveTrigger } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';
import { deliver, LINK, settledPayment, signatureHeader, TRX } from './fixtures';

let trigger: TriggerServer | undefined;
beforeEach(() => forgetProcessMemory());
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

describe('an accepted notification', () => {
	test('is answered 200 with exactly {"status":"ok"} as JSON, after its execution is stored, with conveniences on top', async () => {
		trigger = await serveTrigger({});
		const body = settledPayment();
		const delivery = await deliver(trigger, body);
		expect([delivery.status, delivery.body, delivery.contentType]).toEqual([200, { status: 'ok' }, 'application/json; charset=utf-8']);
		expect(trigger.executions()).toHaveLength(1);
		expect(delivery.started![0].json).toEqual({
			event: 'paymentStatus', events: ['paymentStatus'], status: 'settled', orderId: 'ORDER-7', amount: 10000, currency: 'PLN', transactionId: TRX,
			paymentId: LINK, transactionType: 'sale', paymentMethod: 'blik', hasPaymentProfile: false,
			notificationKey: `${TRX}|${LINK}||settled|${body.transaction.modified}`, ...body,
		});
	});

	test('is answered 500, not 200, when n8n cannot store its execution, so imoje retries; the retry then runs', async () => {
		trigger = await serveTrigger({});
		trigger.failNextStore();
		const failed = await deliver(trigger, settledPayment());
		const retried = await deliver(trigger, settledPayment());
		expect([failed.status, failed.started, retried.status, retried.started?.length]).toEqual([500, undefined, 200, 1]);
		expect(trigger.executions()).toHaveLength(1);
	});

	test('the exact bytes are verified: spacing imoje did not re-serialise is kept', async () => {
		trigger = await serveTrigger({});
		const raw = '{ "transaction" : {"id":"' + TRX + '","status":"pending","orderId":"Zamówienie ąę"} }';
		const delivery = await deliver(trigger, raw);
		expect(delivery.status).toBe(200);
		expect(delivery.started![0].json).toMatchObject({ status: 'pending', orderId: 'Zamówienie ąę' });
	});

	test.each(['sha224', 'sha384', 'sha512'])('%s signatures are accepted', async (alg) => {
		trigger = await serveTrigger({});
		const delivery = await deliver(trigger, settledPayment(), { alg });
		expect([delivery.status, delivery.started?.length]).toEqual([200, 1]);
	});
});

describe('refused: non-2xx, nothing runs', () => {
	const raw = JSON.stringify(settledPayment());
	const refusals: Array<[string, () => Record<string, string>, string]> = [
		['forged with another key', () => signatureHeader(raw, { key: 'guessed-key' }), 'signature check failed: bad-signature'],
		['unsigned', () => ({}), 'signature check failed: missing-header (no X-Imoje-Signature header)'],
		['with md5', () => ({ 'X-Imoje-Signature': `merchantid=${MERCHANT_ID};serviceid=${SHOP_ID};signature=${sign(raw, SHOP_SIGNING_WORD, 'md5')};alg=md5` }), 'signature check failed: unsupported-algorithm'],
	];
	test.each(refusals)('%s: 401 with the reason', async (_name, headers, message) => {
		trigger = await serveTrigger({});
		const delivery = await trigger.post(raw, headers());
		expect([delivery.status, delivery.body, delivery.started]).toEqual([401, { status: 'error', message }, undefined]);
	});

	test('tampered: one byte of the body changed after signing', async () => {
		trigger = await serveTrigger({});
		const delivery = await trigger.post(raw.replace('10000', '90000'), signatureHeader(raw));
		expect([delivery.status, delivery.started]).toEqual([401, undefined]);
	});

	test('a signed body that is not JSON, or JSON with nothing imoje notifies: 400', async () => {
		trigger = await serveTrigger({});
		const notJson = await deliver(trigger, 'status=settled&amount=100');
		const empty = await deliver(trigger, '{"hello":"world"}');
		expect([notJson.status, empty.status, empty.body, trigger.executions().length]).toEqual([
			400, 400, { status: 'error', message: 'the body has no transaction, payment or paymentProfile' }, 0,
		]);
	});

	test('without a shop key in the credential every notification is refused, never accepted', async () => {
		trigger = await serveTrigger({}, { ...TEST_CREDENTIALS, shopSecretKey: '' });
		const delivery = await deliver(trigger, settledPayment(), { key: '' });
		expect([delivery.status, delivery.body, delivery.started]).toEqual([
			401, { status: 'error', message: 'the imoje credential has no Shop key, so notifications cannot be verified' }, undefined,
		]);
	});
});

describe('filtered out: 200 {"status":"ok"} at once, nothing runs', () => {
	test.each([
		['event', { events: ['refund'] }],
		['status', { statuses: ['rejected', 'error'] }],
		['payment method', { paymentMethods: ['card'] }],
		['saved-card only', { onlySavedCardPayments: true }],
	])('by %s', async (_name, parameters) => {
		trigger = await serveTrigger(parameters);
		const delivery = await deliver(trigger, settledPayment());
		expect([delivery.status, delivery.body, delivery.contentType, delivery.started]).toEqual([200, { status: 'ok' }, 'application/json; charset=utf-8', undefined]);
		expect(trigger.executions()).toHaveLength(0);
	});

	test('a matching filter lets it through', async () => {
		trigger = await serveTrigger({ events: ['paymentStatus'], statuses: ['settled'], paymentMethods: ['blik'] });
		expect((await deliver(trigger, settledPayment())).started).toHaveLength(1);
	});
});

describe("imoje's sender addresses", () => {
	test('a request from elsewhere is refused with 403 before anything else', async () => {
		trigger = await serveTrigger({ options: { onlyImojeSenders: true } });
		const delivery = await deliver(trigger, settledPayment());
		expect([delivery.status, delivery.started]).toEqual([403, undefined]);
	});

	test('a request n8n sees from an imoje address (via a trusted proxy) is accepted', async () => {
		trigger = await serveTrigger({ options: { onlyImojeSenders: true } }, TEST_CREDENTIALS, { trustProxy: true });
		const raw = JSON.stringify(settledPayment());
		const delivery = await trigger.post(raw, { ...signatureHeader(raw), 'X-Forwarded-For': '54.37.185.90' });
		expect([delivery.status, delivery.started?.length]).toEqual([200, 1]);
	});
});

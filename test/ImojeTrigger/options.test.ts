/**
 * Several shops, the merchant check, the replay window and "Listen for test event",
 * through the trigger's webhook() behind HTTP.
 */
import { forgetProcessMemory } from '../../dist/nodes/ImojeTrigger/dedupe';
import { TEST_CREDENTIALS } from '../engine/harness';
import { serveTrigger } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';
import { deliver, nowSeconds, OTHER_SHOP, OTHER_SHOP_WORD, settledPayment } from './fixtures';

let trigger: TriggerServer | undefined;
beforeEach(() => forgetProcessMemory());
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

const otherShops = { otherShops: { shop: [{ shopId: OTHER_SHOP, shopKey: OTHER_SHOP_WORD }] } };

describe('several shops', () => {
	test("each shop's notification is verified with its own key", async () => {
		trigger = await serveTrigger(otherShops);
		const own = await deliver(trigger, settledPayment());
		const other = await deliver(trigger, settledPayment({ id: '22222222-3da8-4f9e-82e8-937c3286b1da' }), { shop: OTHER_SHOP, key: OTHER_SHOP_WORD });
		expect([own.status, own.started?.length, other.status, other.started?.length]).toEqual([200, 1, 200, 1]);
	});

	test("another shop's notification signed with the credential's key is refused", async () => {
		trigger = await serveTrigger(otherShops);
		const delivery = await deliver(trigger, settledPayment(), { shop: OTHER_SHOP });
		expect([delivery.status, delivery.body, delivery.started]).toEqual([401, { status: 'error', message: 'signature check failed: bad-signature' }, undefined]);
	});

	test('a shop that is neither the credential\'s nor listed: 401 saying so', async () => {
		trigger = await serveTrigger(otherShops);
		const delivery = await deliver(trigger, settledPayment(), { shop: '33333333-a185-4f44-ba99-8f2aeb0e3be7', key: 'k' });
		expect(delivery.status).toBe(401);
		expect((delivery.body as { message: string }).message).toMatch(/wrong-shop .*neither the credential's Shop ID nor one of the trigger's Other Shops/);
	});

	test("without other shops, another shop is the credential's wrong shop", async () => {
		trigger = await serveTrigger({});
		const delivery = await deliver(trigger, settledPayment(), { shop: OTHER_SHOP, key: OTHER_SHOP_WORD });
		expect([delivery.status, (delivery.body as { message: string }).message]).toEqual([
			401, "signature check failed: wrong-shop (the notification's serviceid is not the credential's Shop ID)",
		]);
	});

	test('a credential without a Shop key still verifies the other shops', async () => {
		trigger = await serveTrigger(otherShops, { ...TEST_CREDENTIALS, shopSecretKey: '' });
		const other = await deliver(trigger, settledPayment(), { shop: OTHER_SHOP, key: OTHER_SHOP_WORD });
		const own = await deliver(trigger, settledPayment({ id: '44444444-3da8-4f9e-82e8-937c3286b1da' }), { key: '' });
		expect([other.status, own.status]).toEqual([200, 401]);
	});

	test('no shop key appears in an answer', async () => {
		trigger = await serveTrigger(otherShops);
		const refused = await deliver(trigger, settledPayment(), { shop: OTHER_SHOP, key: 'wrong' });
		const accepted = await deliver(trigger, settledPayment(), { shop: OTHER_SHOP, key: OTHER_SHOP_WORD });
		expect(JSON.stringify([refused.body, accepted.body, accepted.started])).not.toMatch(new RegExp(`${OTHER_SHOP_WORD}|${String(TEST_CREDENTIALS.shopSecretKey)}`));
	});
});

test("a merchantid that is not the credential's Merchant ID: 401 with the reason, even when correctly signed", async () => {
	trigger = await serveTrigger({});
	const delivery = await deliver(trigger, settledPayment(), { merchant: 'someoneelse01' });
	expect([delivery.status, delivery.body, delivery.started]).toEqual([
		401, { status: 'error', message: "merchant check failed: the signature header's merchantid is not the credential's Merchant ID" }, undefined,
	]);
});

describe('replay window', () => {
	test('a notification changed more than 4 days ago (the default) is answered 200 and does not run', async () => {
		trigger = await serveTrigger({});
		const old = await deliver(trigger, settledPayment({ modified: nowSeconds() - 4 * 86400 - 60 }));
		const recent = await deliver(trigger, settledPayment({ modified: nowSeconds() - 3 * 86400 }));
		expect([old.status, old.body, old.started, recent.started?.length]).toEqual([200, { status: 'ok' }, undefined, 1]);
	});

	test('0 turns it off; a shorter window refuses sooner', async () => {
		trigger = await serveTrigger({ replayWindowDays: 0 });
		expect((await deliver(trigger, settledPayment({ modified: 1735686100 }))).started).toHaveLength(1);
		await trigger.close();
		trigger = await serveTrigger({ replayWindowDays: 0.5 });
		expect((await deliver(trigger, settledPayment({ modified: nowSeconds() - 86400 }))).started).toBeUndefined();
	});

	test('a notification without a change time runs', async () => {
		trigger = await serveTrigger({});
		expect((await deliver(trigger, { transaction: { id: 't-1', status: 'settled' } })).started).toHaveLength(1);
	});
});

describe('"Listen for test event" (the Test URL)', () => {
	test('a refused notification fails the test execution with the reason, for the editor to show', async () => {
		trigger = await serveTrigger({}, TEST_CREDENTIALS, { mode: 'manual' });
		const delivery = await deliver(trigger, settledPayment(), { key: 'guessed-key' });
		expect([delivery.status, delivery.thrown, delivery.started]).toEqual([500, 'imoje notification refused: signature check failed: bad-signature', undefined]);
	});

	test('a wrong merchant is shown too', async () => {
		trigger = await serveTrigger({}, TEST_CREDENTIALS, { mode: 'manual' });
		expect((await deliver(trigger, settledPayment(), { merchant: 'x' })).thrown).toMatch(/merchant check failed/);
	});

	test('an accepted one runs with the same answer; repeats and old ones run too, so a test can be sent again', async () => {
		trigger = await serveTrigger({}, TEST_CREDENTIALS, { mode: 'manual' });
		const body = settledPayment({ modified: 1735686100 });
		const first = await deliver(trigger, body);
		const again = await deliver(trigger, body);
		expect([first.status, first.body, first.started?.length, again.started?.length]).toEqual([200, { status: 'ok' }, 1, 1]);
	});
});

describe('the credential', () => {
	test('is read once for many notifications, yet a changed Shop key applies to the next one', async () => {
		trigger = await serveTrigger({});
		const payment = (n: number) => settledPayment({ id: `77777777-3da8-4f9e-82e8-93700000000${n}` });
		const first = await deliver(trigger, payment(1));
		const more = await Promise.all([2, 3, 4, 5].map((n) => deliver(trigger!, payment(n))));
		expect([first, ...more].map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
		expect(trigger.credentialReads()).toBeLessThanOrEqual(1);
		await trigger.close();
		// The same credential (same id) after the user pasted a new key from the imoje panel.
		trigger = await serveTrigger({}, { ...TEST_CREDENTIALS, shopSecretKey: 'rotated_key_2' });
		const next = await deliver(trigger, settledPayment({ id: '66666666-3da8-4f9e-82e8-937c3286b1da' }), { key: 'rotated_key_2' });
		expect([next.status, next.started?.length]).toEqual([200, 1]);
	});
});

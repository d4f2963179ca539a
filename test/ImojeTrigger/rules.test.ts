/**
 * The event rules, each through the trigger's webhook() behind HTTP: which notifications
 * start the workflow under which filters, and what the workflow receives.
 */
import { forgetProcessMemory } from '../../dist/nodes/ImojeTrigger/dedupe';
import { serveTrigger } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';
import { deliver, firstOneClickPayment, LINK, nowSeconds, PROFILE, settledPayment, settledRefund, TRX } from './fixtures';

let trigger: TriggerServer | undefined;
beforeEach(() => forgetProcessMemory());
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

test("imoje's documented first OneClick payment (source web, settled, with paymentProfile) reaches \"Payment Status Changed\" + Settled", async () => {
	trigger = await serveTrigger({ events: ['paymentStatus'], statuses: ['settled'] });
	const delivery = await deliver(trigger, firstOneClickPayment());
	expect(delivery.status).toBe(200);
	expect(delivery.started![0].json).toMatchObject({
		event: 'paymentStatus', status: 'settled', hasPaymentProfile: true, paymentProfileId: PROFILE, cid: 'payer-42',
		statusCode: 'CODE_000', statusCodeDescription: 'Transaction approved', transactionId: TRX,
	});
});

test('"Only Saved-Card Payments" lets the OneClick payment through and not a BLIK one', async () => {
	trigger = await serveTrigger({ onlySavedCardPayments: true });
	const oneClick = await deliver(trigger, firstOneClickPayment());
	const blik = await deliver(trigger, settledPayment({ id: '11111111-3da8-4f9e-82e8-937c3286b1da' }));
	expect([oneClick.started?.length, blik.status, blik.body, blik.started]).toEqual([1, 200, { status: 'ok' }, undefined]);
});

test('a settled refund does not pass a payment filter: Settled with Events empty, nor "Payment Status Changed"', async () => {
	for (const parameters of [{ statuses: ['settled'] }, { events: ['paymentStatus'] }, { events: ['paymentStatus'], statuses: ['settled'] }]) {
		forgetProcessMemory();
		trigger = await serveTrigger(parameters);
		const delivery = await deliver(trigger, settledRefund());
		expect([delivery.status, delivery.body, delivery.started]).toEqual([200, { status: 'ok' }, undefined]);
		await trigger.close();
	}
	trigger = await serveTrigger({ events: ['refund'], statuses: ['settled'] });
	expect((await deliver(trigger, settledRefund())).started![0].json).toMatchObject({ event: 'refund', transactionType: 'refund', amount: 500 });
});

test('a top-level paymentProfile alone is "Payment Profile Changed", not refused', async () => {
	trigger = await serveTrigger({ events: ['paymentProfile'] });
	const body = { paymentProfile: { id: PROFILE, merchantCustomerId: 'payer-42', isActive: 0, profile: 'ONE_CLICK', modified: nowSeconds() } };
	const delivery = await deliver(trigger, body);
	expect(delivery.status).toBe(200);
	expect(delivery.started![0].json).toMatchObject({ event: 'paymentProfile', events: ['paymentProfile'], paymentProfileId: PROFILE, cid: 'payer-42', hasPaymentProfile: true });
});

test('a payment beside a top-level paymentProfile is both events', async () => {
	trigger = await serveTrigger({ events: ['paymentProfile'] });
	const body = { ...settledPayment(), paymentProfile: { id: PROFILE, isActive: 1 } };
	expect((await deliver(trigger, body)).started![0].json).toMatchObject({ event: 'paymentStatus', events: ['paymentStatus', 'paymentProfile'] });
});

test('submitted_for_settlement is a status of its own', async () => {
	trigger = await serveTrigger({ statuses: ['submitted_for_settlement'] });
	const delivery = await deliver(trigger, settledPayment({ status: 'submitted_for_settlement' }));
	expect(delivery.started![0].json).toMatchObject({ event: 'paymentStatus', status: 'submitted_for_settlement' });
});

test.each([
	['payment link expired', { payment: { id: LINK, status: 'cancelled', orderId: 'O-1', amount: 100, currency: 'PLN' } }, 'paymentLinkClosed', { paymentId: LINK, status: 'cancelled', orderId: 'O-1' }],
	['authorized (pre-authorisation)', { transaction: { id: TRX, type: 'sale', status: 'authorized' } }, 'paymentStatus', { status: 'authorized' }],
	['declined card', { transaction: { id: TRX, type: 'sale', status: 'rejected', statusCode: 'CODE_51', paymentMethod: 'card' } }, 'paymentStatus', { statusCode: 'CODE_51' }],
])('%s is told apart', async (_name, body, event, fields) => {
	trigger = await serveTrigger({});
	expect((await deliver(trigger, body)).started![0].json).toMatchObject({ event, ...fields });
});

import { createHash } from 'node:crypto';

import { createSimulator, IMOJE_RETRY_MS, SECOND_SERVICE_ID, SEED_PROFILE_IDS } from '../../tools/imoje-sim';
import { sleep, waitFor, type Receiver, type Received } from './helpers';
import { closeRigs, rig, type Rig } from './rig';

const customer = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

afterEach(closeRigs);

function parseSignatureHeader(h: string | string[] | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of String(h).split(';')) {
		const [k, v] = part.split('=');
		out[k] = v;
	}
	return out;
}

/** Recomputed independently: hex(HASH(raw body bytes + shop key)), not an HMAC. */
function expectedSignature(raw: Buffer, key: string, alg = 'sha256'): string {
	return createHash(alg).update(Buffer.concat([raw, Buffer.from(key)])).digest('hex');
}

async function newLink(r: Rig, extra: Record<string, unknown> = {}): Promise<string> {
	const res = await r.api.post('/payment', { serviceId: r.sim.config.serviceId, amount: 1500, currency: 'PLN', orderId: 'n-1', title: 'Notify me', customer, ...extra });
	expect(res.status).toBe(200);
	return res.data.payment.id;
}

const nth = (rx: Receiver, n: number) => waitFor(() => rx.received[n - 1], 3000, `notification #${n}`);

describe('signed notifications', () => {
	it('POSTs {transaction, payment} with imoje headers and a plain-hash signature over the raw bytes', async () => {
		const r = await rig();
		const paymentId = await newLink(r);
		await r.ctl.post(`/_sim/payments/${paymentId}/pay`, { status: 'settled' });
		const got: Received = await nth(r.rx, 1);

		expect(got.method).toBe('POST');
		expect(got.path).toBe('/imoje');
		expect(got.headers['content-type']).toBe('application/json; charset=UTF-8');
		expect(got.headers['user-agent']).toBe('imoje');
		const sig = parseSignatureHeader(got.headers['x-imoje-signature']);
		expect(sig).toEqual({ merchantid: 'sim-merchant', serviceid: r.sim.config.serviceId, signature: expectedSignature(got.raw, 'sim-shop-key'), alg: 'sha256' });
		expect(sig.signature).not.toBe(expectedSignature(got.raw, 'another-key'));
		expect(got.json?.transaction).toMatchObject({ type: 'sale', status: 'settled', amount: 1500, orderId: 'n-1' });
		expect(got.json?.payment).toMatchObject({ id: paymentId, status: 'settled' });

		// The receiver has the body before the simulator has read its answer: wait for the log entry.
		const log = await waitFor(() => r.sim.notifications().length === 1 && r.sim.notifications(), 2000, 'the attempt to be logged');
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ attempt: 1, status: 200, url: r.rx.url, body: got.text, signatureHeader: got.headers['x-imoje-signature'] });
		const viaHttp = (await r.ctl.get('/_sim/notifications')).data.notifications;
		expect(viaHttp[0].body).toBe(got.text);
	});

	it('signs with the configured algorithm and with the key of the transaction\'s shop', async () => {
		const r = await rig({ alg: 'sha512', shopKey: 'k-512' });
		await r.api.post('/transaction', {
			type: 'sale', serviceId: SECOND_SERVICE_ID, amount: 100, currency: 'PLN', orderId: 'o', paymentMethod: 'blik', paymentMethodCode: 'blik',
			successReturnUrl: 'https://s.example.com/ok', failureReturnUrl: 'https://s.example.com/no', customer, title: 'TEST-100000',
		});
		const got = await nth(r.rx, 1);
		const sig = parseSignatureHeader(got.headers['x-imoje-signature']);
		expect(sig.alg).toBe('sha512');
		expect(sig.serviceid).toBe(SECOND_SERVICE_ID);
		expect(sig.signature).toBe(expectedSignature(got.raw, 'k-512-2', 'sha512'));
	});

	it('sends the per-payment notificationUrl (after rewriting) and refuses to leave loopback otherwise', async () => {
		const r = await rig({ notificationUrl: null });
		const plain = await newLink(r, { notificationUrl: 'https://shop.example.com/imoje/notify' });
		r.sim.payPayment(plain);
		await waitFor(() => r.sim.notifications().length === 1, 2000, 'skip log');
		expect(r.sim.notifications()[0]).toMatchObject({ url: 'https://shop.example.com/imoje/notify', status: null });
		expect(r.sim.notifications()[0].error).toMatch(/deliverExternal/);
		expect(r.rx.received).toHaveLength(0);

		const mapped = await rig({ notificationUrl: null, rewriteNotificationUrl: { 'https://shop.example.com/': r.rx.url.replace(/imoje$/, '') } });
		const id = await newLink(mapped, { notificationUrl: 'https://shop.example.com/imoje/notify' });
		mapped.sim.payPayment(id);
		const got = await nth(r.rx, 1);
		expect(got.path).toBe('/imoje/notify');
		expect(got.json?.payment?.id).toBe(id);
	});

	it('resend-last delivers the very same bytes and signature again', async () => {
		const r = await rig();
		r.sim.payPayment(await newLink(r));
		const first = await nth(r.rx, 1);
		const resent = await r.ctl.post('/_sim/notifications/resend-last');
		expect(resent.status).toBe(200);
		const second = await nth(r.rx, 2);
		expect(second.raw.equals(first.raw)).toBe(true);
		expect(second.headers['x-imoje-signature']).toBe(first.headers['x-imoje-signature']);
		await waitFor(() => r.sim.deliveries().every((d) => d.state === 'delivered'), 2000, 'both deliveries to be answered');
		expect(r.sim.deliveries().map((d) => d.state)).toEqual(['delivered', 'delivered']);
	});

	it('POST /_sim/notify sends a custom body signed (or deliberately mis-signed)', async () => {
		const r = await rig();
		await r.ctl.post('/_sim/notify', { raw: '{"transaction":{"id":"x"}}' });
		await r.ctl.post('/_sim/notify', { payload: { payment: { id: 'y' } }, signature: 'deadbeef' });
		const [a, b] = [await nth(r.rx, 1), await nth(r.rx, 2)];
		expect(a.text).toBe('{"transaction":{"id":"x"}}');
		expect(parseSignatureHeader(a.headers['x-imoje-signature']).signature).toBe(expectedSignature(a.raw, 'sim-shop-key'));
		expect(parseSignatureHeader(b.headers['x-imoje-signature']).signature).toBe('deadbeef');
	});
});

describe('notification bodies', () => {
	it('a cancelled or expired link sends {payment} only', async () => {
		const r = await rig();
		const cancelled = await newLink(r);
		await r.api.post('/payment/cancel', { serviceId: r.sim.config.serviceId, paymentId: cancelled });
		const a = await nth(r.rx, 1);
		expect(Object.keys(a.json ?? {})).toEqual(['payment']);
		expect(a.json?.payment).toMatchObject({ id: cancelled, status: 'cancelled' });

		const expired = await newLink(r);
		expect((await r.ctl.post(`/_sim/payments/${expired}/expire`)).status).toBe(200);
		const b = await nth(r.rx, 2);
		expect(Object.keys(b.json ?? {})).toEqual(['payment']);
		expect(b.json?.payment).toMatchObject({ id: expired, status: 'cancelled' });
	});

	it('a link expires on its own when its validTo passes', async () => {
		let offsetMs = 0;
		const r = await rig({ now: () => Date.now() + offsetMs });
		const id = await newLink(r, { validTo: Math.floor(Date.now() / 1000) + 61 });
		offsetMs = 62_000;
		const got = await r.api.get(`/payment/${id}`);
		expect(got.data).toMatchObject({ status: 'cancelled', isActive: false });
		expect((await nth(r.rx, 1)).json?.payment).toMatchObject({ id, status: 'cancelled' });
	});

	it('pre-authorisation, capture and void each notify with the new status', async () => {
		const r = await rig();
		const id = await newLink(r);
		const trx = r.sim.payPayment(id, { status: 'authorized' });
		expect((await nth(r.rx, 1)).json?.transaction?.status).toBe('authorized');
		expect((await r.api.post(`/transaction/${trx.id}/capture`)).status).toBe(200);
		const captured = await nth(r.rx, 2);
		expect(captured.json?.transaction).toMatchObject({ id: trx.id, status: 'settled' });
		expect(captured.json?.payment).toMatchObject({ id, status: 'settled' });
	});

	it('a refund notifies with transaction.type "refund" and the refunded amount', async () => {
		const r = await rig();
		const trx = r.sim.payPayment(await newLink(r));
		await nth(r.rx, 1);
		const refund = await r.api.post(`/transaction/${trx.id}/refund`, { type: 'refund', serviceId: r.sim.config.serviceId, amount: 500 });
		expect(refund.status).toBe(200);
		const got = await nth(r.rx, 2);
		expect(got.json?.transaction).toMatchObject({ id: refund.data.transaction.id, type: 'refund', status: 'settled', amount: 500 });
	});

	it('a profile debit notifies with transaction.paymentProfile and statusCode CODE_000', async () => {
		const r = await rig();
		const res = await r.api.post('/transaction/profile', { serviceId: r.sim.config.serviceId, paymentProfileId: SEED_PROFILE_IDS.oneClick, amount: 4200, currency: 'PLN', orderId: 'oc-1' });
		expect(res.status).toBe(200);
		const got = await nth(r.rx, 2);
		expect(got.json?.transaction).toMatchObject({ id: res.data.transaction.id, status: 'settled', statusCode: 'CODE_000', paymentProfile: { id: SEED_PROFILE_IDS.oneClick, profile: 'ONE_CLICK' } });
	});

	it('setOutcome drives the next payments, then falls back', async () => {
		const r = await rig();
		expect((await r.ctl.post('/_sim/outcome', { status: 'rejected', count: 1 })).data.outcome).toEqual({ status: 'rejected', remaining: 1 });
		expect(r.sim.payPayment(await newLink(r)).status).toBe('rejected');
		expect(r.sim.payPayment(await newLink(r)).status).toBe('settled');
		expect((await r.ctl.post('/_sim/outcome', { status: 'bogus' })).status).toBe(400);
	});
});

describe('retries on imoje\'s schedule (compressed clock)', () => {
	it('has imoje\'s schedule: 3 x 10 s, then 5 each at 5 min, 60 min, 6 h, 12 h', () => {
		const expected = [...Array(3).fill(10_000), ...Array(5).fill(300_000), ...Array(5).fill(3_600_000), ...Array(5).fill(21_600_000), ...Array(5).fill(43_200_000)];
		expect(IMOJE_RETRY_MS).toEqual(expected);
		const sim = createSimulator();
		expect(sim.config.retrySchedule.slice(0, 4)).toEqual([100, 100, 100, 3000]);
	});

	it('retries a failing receiver until it answers 200, with identical bytes each time', async () => {
		const r = await rig({}, [500, 404, 200]);
		r.sim.payPayment(await newLink(r));
		await nth(r.rx, 3);
		await sleep(150);
		expect(r.rx.received).toHaveLength(3);
		expect(new Set(r.rx.received.map((x) => x.text)).size).toBe(1);
		expect(r.sim.notifications().map((n) => [n.attempt, n.status])).toEqual([[1, 500], [2, 404], [3, 200]]);
		expect(r.sim.deliveries()[0]).toMatchObject({ attempts: 3, state: 'delivered' });
	});

	it('default scale: three retries 100 ms apart, then a pause of 3 s (5 min compressed)', async () => {
		const r = await rig({}, [503]);
		r.sim.payPayment(await newLink(r));
		await nth(r.rx, 4);
		await sleep(500);
		expect(r.rx.received).toHaveLength(4);
		const gaps = r.rx.received.slice(1).map((x, i) => x.at - r.rx.received[i].at);
		for (const g of gaps) {
			expect(g).toBeGreaterThanOrEqual(90);
			expect(g).toBeLessThan(400);
		}
		expect(r.sim.deliveries()[0].state).toBe('retrying');
	});

	it('gives up after 1 + 23 attempts when the receiver never answers 200', async () => {
		const r = await rig({ retryScale: 0.000002 }, [500]);
		r.sim.payPayment(await newLink(r));
		await waitFor(() => r.sim.deliveries()[0]?.state === 'gave-up', 4000, 'delivery to give up');
		expect(r.rx.received).toHaveLength(24);
		expect(r.sim.notifications().map((n) => n.attempt)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
		const at = r.rx.received.map((x) => x.at);
		expect(at[23] - at[19]).toBeGreaterThan(at[8] - at[0]); // the 12 h steps dwarf the early ones
		await sleep(100);
		expect(r.rx.received).toHaveLength(24);
	});

	it('stop() cancels pending retries', async () => {
		const r = await rig({ retrySchedule: [200] }, [500]);
		r.sim.payPayment(await newLink(r));
		await nth(r.rx, 1);
		await r.sim.stop();
		await sleep(300);
		expect(r.rx.received).toHaveLength(1);
	});
});

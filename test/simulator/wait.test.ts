// What the imoje node's Wait for Payment needs from the simulator: each payment's notifications go
// to that payment's own notificationUrl (n8n's resume URL, query string and all), anything but 200
// is retried on imoje's schedule (n8n answers 409 while the execution runs), ended links send
// {payment} alone, and GET /payment/{id} and GET /transaction/{id} agree with what was notified.
import type { SimulatorOptions } from '../../tools/imoje-sim';
import { waitFor, type Received } from './helpers';
import { closeRigs, rig, type Rig } from './rig';

afterEach(closeRigs);

const customer = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };
const returnUrls = { successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/no' };
/** The path and query of n8n's resume URL for a Wait for Payment step (executionId 42). */
const RESUME = '/webhook-waiting/42/imoje?signature=3f9c2b7e1d0a4c5b8e6f7a9d2c1b0e3f4a5d6c7b8e9f0a1b2c3d4e5f6a7b8c9d';

type Obj = Record<string, unknown>;

/** A simulator that accepts local notification URLs, and the resume URL on its receiver. */
async function waitRig(statuses?: number[], options: SimulatorOptions = {}): Promise<{ r: Rig; resumeUrl: string }> {
	const r = await rig({ notificationUrl: null, allowLocalNotificationUrl: true, ...options }, statuses);
	return { r, resumeUrl: r.rx.url.replace(/\/imoje$/, RESUME) };
}

async function newLink(r: Rig, notificationUrl: string, extra: Obj = {}): Promise<string> {
	const res = await r.api.post('/payment', { serviceId: r.sim.config.serviceId, amount: 2500, currency: 'PLN', orderId: 'W-1', customer, notificationUrl, ...extra });
	expect(res.status).toBe(200);
	return res.data.payment.id;
}

const nth = (r: Rig, n: number) => waitFor(() => r.rx.received[n - 1], 3000, `notification #${n}`) as Promise<Received>;
/** Status the n-th notification carried: the transaction's, else (a link that ended) the payment's. */
const notifiedStatus = (got: Received) => (got.json?.transaction ?? got.json?.payment)?.status;

describe('notifications to a waiting n8n execution', () => {
	it('a local notificationUrl is refused like imoje does (422) unless allowLocalNotificationUrl is on', async () => {
		const strict = await rig({ notificationUrl: null });
		const body = { serviceId: strict.sim.config.serviceId, amount: 100, currency: 'PLN', orderId: 'W-0', customer, notificationUrl: `http://127.0.0.1:5678${RESUME}` };
		const refused = await strict.api.post('/payment', body);
		expect(refused.status).toBe(422);
		expect(JSON.stringify(refused.data)).toContain('must not point at localhost');
		expect((await strict.api.post('/payment', { ...body, notificationUrl: `https://n8n.example.com:8443${RESUME}` })).status).toBe(422);

		const { r } = await waitRig();
		expect((await r.api.post('/payment', body)).status).toBe(200);
		expect((await r.api.post('/transaction', { ...body, type: 'sale', paymentMethod: 'blik', paymentMethodCode: 'blik', ...returnUrls })).status).toBe(200);
	});

	it("delivers to the payment's own URL with its query string: links, API transactions and a rewritten public URL", async () => {
		const { r, resumeUrl } = await waitRig();
		const id = await newLink(r, resumeUrl);
		r.sim.payPayment(id, { status: 'pending' });
		expect((await nth(r, 1)).path).toBe(RESUME);

		// An API transaction is notified at `pending` right after it is created, at its own address.
		const trx = await r.api.post('/transaction', {
			type: 'sale', serviceId: r.sim.config.serviceId, amount: 4200, currency: 'PLN', orderId: 'W-T', paymentMethod: 'blik', paymentMethodCode: 'blik',
			customer, notificationUrl: resumeUrl.replace('/42/', '/43/'), ...returnUrls,
		});
		expect(trx.status).toBe(200);
		const second = await nth(r, 2);
		expect(second.path).toBe(RESUME.replace('/42/', '/43/'));
		expect(second.json?.transaction).toMatchObject({ id: trx.data.transaction.id, status: 'pending' });

		// n8n behind a public address (WEBHOOK_URL): the rewrite maps the prefix and keeps the rest.
		const mapped = await rig({ notificationUrl: null, rewriteNotificationUrl: { 'https://n8n.example.com/': r.rx.url.replace(/imoje$/, '') } });
		const publicId = await newLink(mapped, `https://n8n.example.com${RESUME}`);
		mapped.sim.settlePayment(publicId);
		const third = await nth(r, 3);
		expect(third.path).toBe(RESUME);
		expect(third.json?.payment).toMatchObject({ id: publicId, status: 'settled' });
	});

	it('a 409 (n8n: the execution is still running) is retried on the scaled schedule until a 200, byte for byte', async () => {
		// retryScale 0.001: imoje's 10 s, 10 s, 10 s, 5 min become 10, 10, 10, 300 ms.
		const { r, resumeUrl } = await waitRig([409, 409, 409, 409, 200], { retryScale: 0.001 });
		r.sim.settlePayment(await newLink(r, resumeUrl));
		await nth(r, 5);
		await waitFor(() => r.sim.deliveries()[0]?.state === 'delivered', 2000, 'the delivery to be answered 200');
		expect(r.rx.received.every((x) => x.path === RESUME)).toBe(true);
		expect(new Set(r.rx.received.map((x) => x.text)).size).toBe(1);
		expect(new Set(r.rx.received.map((x) => x.headers['x-imoje-signature'])).size).toBe(1);
		expect(r.sim.notifications().map((n) => [n.attempt, n.status])).toEqual([[1, 409], [2, 409], [3, 409], [4, 409], [5, 200]]);
		const gaps = r.rx.received.slice(1).map((x, i) => x.at - r.rx.received[i].at);
		expect(gaps.slice(0, 3).every((g) => g >= 9 && g < 250)).toBe(true);
		expect(gaps[3]).toBeGreaterThanOrEqual(290);
		expect(r.sim.deliveries()).toEqual([expect.objectContaining({ attempts: 5, state: 'delivered' })]);
	});

	it('a link whose validTo passes expires: {payment} alone, to its URL; GET /payment/{id} says cancelled', async () => {
		let offsetMs = 0;
		const { r, resumeUrl } = await waitRig(undefined, { now: () => Date.now() + offsetMs });
		const id = await newLink(r, resumeUrl, { validTo: Math.floor(Date.now() / 1000) + 61 });
		expect((await r.api.get(`/payment/${id}`)).data.status).toBe('new');
		offsetMs = 62_000;
		expect((await r.api.get(`/payment/${id}`)).data).toMatchObject({ status: 'cancelled', isActive: false });
		const got = await nth(r, 1);
		expect(got.path).toBe(RESUME);
		expect(Object.keys(got.json ?? {})).toEqual(['payment']);
		expect(got.json?.payment).toMatchObject({ id, status: 'cancelled', isActive: false });
	});

	it('lateAnswerMs: a status check answered late still says what was true when asked, while the payment settles meanwhile', async () => {
		const { r, resumeUrl } = await waitRig();
		const id = await newLink(r, resumeUrl);
		expect((await r.ctl.post('/_sim/faults', { lateAnswerMs: 300, pathPrefix: `/payment/${id}`, count: 1 })).status).toBe(200);
		const asked = r.api.get(`/payment/${id}`);
		await waitFor(() => r.sim.faults.holding === 1, 2000, 'the answer to be held');
		r.sim.settlePayment(id);
		const settled = await nth(r, 1);
		expect(settled.json?.payment).toMatchObject({ id, status: 'settled' });
		expect(r.sim.faults.holding).toBe(1);
		const late = await asked;
		expect([late.status, late.data.status]).toEqual([200, 'new']);
		expect(r.sim.faults.holding).toBe(0);
		// Only once (count 1), and only that path: the next check is answered at once, with the new state.
		expect((await r.api.get(`/payment/${id}`)).data.status).toBe('settled');
		expect((await r.ctl.post('/_sim/faults', { lateAnswerMs: -1 })).status).toBe(400);
	});

	describe('control endpoints drive every ending, and GET agrees with what was notified', () => {
		let r: Rig;
		let resumeUrl: string;
		beforeEach(async () => ({ r, resumeUrl } = await waitRig()));

		/** Status on GET /payment/{id} and, when given, GET /transaction/{id}. */
		const statusesNow = async (paymentId: string, transactionId?: string) => [
			(await r.api.get(`/payment/${paymentId}`)).data.status,
			...(transactionId ? [(await r.api.get(`/transaction/${transactionId}`)).data.transaction.status] : []),
		];

		it('pending, then settled: each notified to the resume URL, the link and its transaction agree', async () => {
			const id = await newLink(r, resumeUrl);
			const pay = await r.ctl.post(`/_sim/payments/${id}/pay`, { status: 'pending' });
			expect(pay.status).toBe(200);
			const trxId = pay.data.transaction.id;
			const pending = await nth(r, 1);
			expect([notifiedStatus(pending), pending.json?.payment?.status]).toEqual(['pending', 'pending']);
			expect(await statusesNow(id, trxId)).toEqual(['pending', 'pending']);

			expect((await r.ctl.post(`/_sim/payments/${id}/settle`)).data.transaction).toMatchObject({ id: trxId, status: 'settled' });
			const settled = await nth(r, 2);
			expect(settled.path).toBe(RESUME);
			expect(settled.json?.transaction).toMatchObject({ id: trxId, status: 'settled' });
			expect(settled.json?.payment).toMatchObject({ id, status: 'settled', isActive: false });
			expect(await statusesNow(id, trxId)).toEqual(['settled', 'settled']);
		});

		it('rejected: {transaction, payment} with rejected, GET says rejected', async () => {
			const id = await newLink(r, resumeUrl);
			const trxId = (await r.ctl.post(`/_sim/payments/${id}/pay`, { status: 'rejected' })).data.transaction.id;
			const got = await nth(r, 1);
			expect(got.json?.transaction).toMatchObject({ id: trxId, status: 'rejected' });
			expect(await statusesNow(id, trxId)).toEqual(['rejected', 'rejected']);
		});

		it('cancel and expire now: {payment} alone with cancelled; a final link cannot be cancelled or expired', async () => {
			const cancelled = await newLink(r, resumeUrl);
			const expired = await newLink(r, resumeUrl);
			expect((await r.ctl.post(`/_sim/payments/${cancelled}/cancel`)).data).toMatchObject({ id: cancelled, status: 'cancelled', isActive: false });
			expect((await r.ctl.post(`/_sim/payments/${expired}/expire`)).data).toMatchObject({ id: expired, status: 'cancelled', isActive: false });
			const [a, b] = [await nth(r, 1), await nth(r, 2)];
			for (const [got, id] of [[a, cancelled], [b, expired]] as const) {
				expect(got.path).toBe(RESUME);
				expect(Object.keys(got.json ?? {})).toEqual(['payment']);
				expect(got.json?.payment).toMatchObject({ id, status: 'cancelled' });
				expect(await statusesNow(id)).toEqual(['cancelled']);
			}
			expect((await r.ctl.post(`/_sim/payments/${cancelled}/cancel`)).status).toBe(400);
			expect((await r.ctl.post(`/_sim/payments/${expired}/expire`)).status).toBe(400);
			expect((await r.ctl.post('/_sim/payments/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);
		});

		it('an API transaction: pending at create, then settled; GET /transaction and GET /payment of its payment agree', async () => {
			const created = await r.api.post('/transaction', {
				type: 'sale', serviceId: r.sim.config.serviceId, amount: 4200, currency: 'PLN', orderId: 'W-T', paymentMethod: 'blik', paymentMethodCode: 'blik',
				customer, notificationUrl: resumeUrl, ...returnUrls,
			});
			const trxId = created.data.transaction.id;
			const pending = await nth(r, 1);
			const paymentId = pending.json?.payment?.id as string;
			expect(notifiedStatus(pending)).toBe('pending');
			expect(await statusesNow(paymentId, trxId)).toEqual(['pending', 'pending']);

			expect((await r.ctl.post(`/_sim/transactions/${trxId}/status`, { status: 'settled' })).status).toBe(200);
			const settled = await nth(r, 2);
			expect(settled.path).toBe(RESUME);
			expect([notifiedStatus(settled), settled.json?.payment?.status]).toEqual(['settled', 'settled']);
			expect(await statusesNow(paymentId, trxId)).toEqual(['settled', 'settled']);
		});

		it('notify sends the current state again to the same URL (a late call after the wait ended)', async () => {
			const id = await newLink(r, resumeUrl);
			r.sim.settlePayment(id);
			const first = await nth(r, 1);
			const again = await r.ctl.post(`/_sim/payments/${id}/notify`);
			expect(again.status).toBe(200);
			expect(again.data).toMatchObject({ url: resumeUrl });
			const second = await nth(r, 2);
			expect(second.path).toBe(RESUME);
			expect(second.json).toEqual(first.json);

			const ended = await newLink(r, resumeUrl);
			r.sim.expirePayment(ended);
			await nth(r, 3);
			await r.ctl.post(`/_sim/payments/${ended}/notify`);
			const fourth = await nth(r, 4);
			expect(Object.keys(fourth.json ?? {})).toEqual(['payment']);
			expect(fourth.json?.payment).toMatchObject({ id: ended, status: 'cancelled' });
		});
	});
});

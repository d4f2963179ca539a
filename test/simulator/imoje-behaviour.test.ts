// Behaviour the simulator used to hide (issue 8) and test-webhook delivery (issue 9),
// each checked against what imoje documents (API.md Corrections, seeds, imoje's plugin).
import axios from 'axios';

import { type NotificationBody } from '../../tools/imoje-sim';
import { startCli, tempFolder, waitFor } from './helpers';
import { closeRigs, rig, type Rig } from './rig';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const customer = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

afterEach(closeRigs);

const body = (r: Rig, n: number) => waitFor(() => r.rx.received[n - 1], 3000, `notification #${n}`).then((x) => x.json as NotificationBody);
const trxBody = (r: Rig, extra: Record<string, unknown> = {}) => ({
	type: 'sale', serviceId: r.sim.config.serviceId, amount: 2500, currency: 'PLN', orderId: 'API-1', title: 'Order API-1', paymentMethod: 'pbl', paymentMethodCode: 'ing',
	successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/no', customer, ...extra,
});
const newLink = async (r: Rig, extra: Record<string, unknown> = {}) =>
	(await r.api.post('/payment', { serviceId: r.sim.config.serviceId, amount: 1500, currency: 'PLN', orderId: 'L-1', title: 'Link 1', customer, ...extra })).data.payment.id as string;

describe('notifications as imoje sends them', () => {
	it('a transaction created through the API is notified at pending, with the full payment object of its own id', async () => {
		const r = await rig();
		const res = await r.api.post('/transaction', trxBody(r));
		expect(res.status).toBe(200);
		const trx = res.data.transaction;
		const first = await body(r, 1);
		expect(first.transaction).toMatchObject({ id: trx.id, status: 'pending', source: 'api', type: 'sale' });
		// imoje's plugin requires payment.amount, status, orderId, currency and serviceId (payment-core Validate.php).
		expect(first.payment).toMatchObject({ amount: 2500, status: 'pending', orderId: 'API-1', currency: 'PLN', serviceId: r.sim.config.serviceId });
		expect(first.payment?.id).toMatch(UUID_V4);
		expect(first.payment?.id).not.toBe(trx.id);
		expect(trx.payment).toEqual({ id: first.payment?.id, status: 'pending' });
		r.sim.setTransactionStatus(trx.id, 'settled');
		expect((await body(r, 2)).payment).toMatchObject({ id: first.payment?.id, status: 'settled' });
	});

	it('a link\'s notification carries the link object as GET /payment/{id} shows it', async () => {
		const r = await rig();
		const id = await newLink(r, { notificationUrl: undefined });
		r.sim.payPayment(id);
		const got = await body(r, 1);
		const link = (await r.api.get(`/payment/${id}`)).data;
		const { transactions, ...linkOnly } = link;
		expect(transactions).toHaveLength(1);
		expect(got.payment).toEqual(linkOnly);
		expect(Object.keys(got.payment ?? {})).toEqual(expect.arrayContaining(['id', 'url', 'serviceId', 'orderId', 'amount', 'currency', 'status', 'customer', 'created', 'modified']));
	});

	it('a card payment with a cid carries transaction.paymentProfile, the first card-saving "web" payment included', async () => {
		const r = await rig();
		const id = await newLink(r, { customer: { ...customer, cid: 'payer-77' } });
		r.sim.payPayment(id, { paymentMethod: 'card', paymentMethodCode: 'oneclick' });
		const got = await body(r, 1);
		expect(got.transaction).toMatchObject({ source: 'web', paymentMethod: 'card', status: 'settled', statusCode: 'CODE_000' });
		expect(got.transaction?.paymentProfile).toMatchObject({ merchantCustomerId: 'payer-77', profile: 'ONE_CLICK', isActive: 1 });
		const saved = await r.api.get('/profile/cid/payer-77');
		expect(saved.data.paymentProfiles.map((p: { id: string }) => p.id)).toEqual([got.transaction?.paymentProfile?.id]);

		// The next card payment of that payer runs on the same profile; a BLIK payment carries none.
		r.sim.payPayment(await newLink(r, { customer: { ...customer, cid: 'payer-77' } }), { paymentMethod: 'card', paymentMethodCode: 'oneclick' });
		expect((await body(r, 2)).transaction?.paymentProfile?.id).toBe(got.transaction?.paymentProfile?.id);
		r.sim.payPayment(await newLink(r, { customer: { ...customer, cid: 'payer-77' } }));
		expect((await body(r, 3)).transaction?.paymentProfile).toBeUndefined();
	});

	it('an API card registration (card + additionalData, customer.cid) carries the profile from its pending notification on', async () => {
		const r = await rig();
		const res = await r.api.post('/transaction', trxBody(r, {
			paymentMethod: 'card', paymentMethodCode: 'recurring', customer: { ...customer, cid: 'payer-88' }, card: { holder: 'Jan Kowalski' }, additionalData: { kind: 'FIRST' },
		}));
		expect(res.status).toBe(200);
		expect((await body(r, 1)).transaction?.paymentProfile).toMatchObject({ merchantCustomerId: 'payer-88', profile: 'RECURRING' });
		expect(r.sim.state.transactions[res.data.transaction.id].card).toBeUndefined();
	});

	it('card status codes are imoje\'s: CODE_000, CODE_05, and CODE_51 for 1 PLN in the sandbox; never CODE_051 or CODE_096', async () => {
		const r = await rig();
		const debit = (amount: number) =>
			r.api.post('/transaction/profile', { serviceId: r.sim.config.serviceId, paymentProfileId: '0c1c0c1c-0001-4000-8000-000000000001', amount, currency: 'PLN', orderId: `D-${amount}` });
		const ok = (await debit(4200)).data.transaction.id;
		const poor = (await debit(100)).data.transaction.id;
		await waitFor(() => r.sim.state.transactions[ok].status === 'settled' && r.sim.state.transactions[poor].status === 'rejected', 2000, 'debits to end');
		expect(r.sim.state.transactions[ok].statusCode).toBe('CODE_000');
		expect(r.sim.state.transactions[poor].statusCode).toBe('CODE_51');
		r.sim.setTransactionStatus(ok, 'rejected');
		expect(r.sim.state.transactions[ok].statusCode).toBe('CODE_05');
		r.sim.setTransactionStatus(ok, 'error');
		await waitFor(() => r.rx.received.length >= 6, 3000, 'six notifications');
		const codes = r.rx.received.map((x) => x.json?.transaction?.statusCode).filter(Boolean);
		expect(codes).not.toContain('CODE_051');
		expect(codes).not.toContain('CODE_096');
		expect(codes.every((c) => ['CODE_000', 'CODE_05', 'CODE_51'].includes(String(c)))).toBe(true);
	});

	it('a refund notification has transaction.type "refund" and its sale\'s payment object', async () => {
		const r = await rig();
		const id = await newLink(r);
		const sale = r.sim.payPayment(id);
		await body(r, 1);
		const refund = await r.api.post(`/transaction/${sale.id}/refund`, { type: 'refund', serviceId: r.sim.config.serviceId, amount: 500 });
		const got = await body(r, 2);
		expect(got.transaction).toMatchObject({ id: refund.data.transaction.id, type: 'refund', amount: 500, status: 'settled' });
		expect(got.payment).toMatchObject({ id, serviceId: r.sim.config.serviceId, amount: 1500 });
	});
});

describe('responses in imoje\'s shapes', () => {
	it('shops are imoje\'s service object: id, created, isActive, paymentMethods, no name', async () => {
		const r = await rig();
		const one = (await r.api.get(`/service/${r.sim.config.serviceId}`)).data.service;
		expect(Object.keys(one).sort()).toEqual(['created', 'id', 'isActive', 'paymentMethods']);
		for (const { service } of (await r.api.get('/services')).data) expect(service.name).toBeUndefined();
	});

	it('can-refund answers balance as a boolean (shop balance enough) and fullRefund as an amount; refunds[] are wrapped', async () => {
		const r = await rig();
		const id = (await r.api.post('/transaction', trxBody(r, { amount: 8000 }))).data.transaction.id;
		r.sim.setTransactionStatus(id, 'settled');
		const can = async (amount: number) => (await r.api.post(`/transaction/${id}/can-refund`, { amount })).data;
		expect(await can(3000)).toEqual({ id, refundable: true, balance: true, fullRefund: 8000, partialRefund: { maxRefundAmount: 8000, minRefundAmount: 1 } });

		expect((await r.ctl.post(`/_sim/shops/${r.sim.config.serviceId}/balance`, { amount: 2000 })).status).toBe(200);
		expect(await can(3000)).toMatchObject({ refundable: false, balance: false, fullRefund: 8000 });
		const refused = await r.api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId: r.sim.config.serviceId, amount: 3000 });
		expect(refused.status).toBe(400);
		expect(refused.data.apiErrorResponse.message).toMatch(/balance/);
		expect(await can(2000)).toMatchObject({ refundable: true, balance: true });

		const refund = await r.api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId: r.sim.config.serviceId, amount: 2000 });
		expect(refund.status).toBe(200);
		const got = (await r.api.get(`/transaction/${id}`)).data.transaction;
		expect(got.refunds).toEqual([{ transaction: expect.objectContaining({ id: refund.data.transaction.id, type: 'refund', amount: 2000 }) }]);
		expect(await can(1)).toMatchObject({ balance: false, fullRefund: 6000, partialRefund: { maxRefundAmount: 6000 } });
	});

	it('the payment of an API transaction can be read by its id', async () => {
		const r = await rig();
		const trx = (await r.api.post('/transaction', trxBody(r))).data.transaction;
		const got = await r.api.get(`/payment/${trx.payment.id}`);
		expect(got.status).toBe(200);
		expect(got.data).toMatchObject({ id: trx.payment.id, orderId: 'API-1', transactions: [{ id: trx.id }] });
	});
});

describe('test webhooks and notifications on demand (a trigger listening for a test event)', () => {
	it('mirrors each notification once to /webhook-test/<id>/imoje when switched on, same bytes and signature', async () => {
		const r = await rig({}, undefined, '/webhook/abc-123/imoje');
		expect(r.sim.getTestWebhooks()).toEqual({ all: null, shops: {} });
		r.sim.payPayment(await newLink(r));
		await body(r, 1);

		expect((await r.ctl.post('/_sim/test-webhooks', { enabled: true })).data).toEqual({ all: {}, shops: {} });
		r.sim.payPayment(await newLink(r));
		await waitFor(() => r.rx.received.length === 3, 3000, 'delivery and its test copy');
		const [, prod, test] = r.rx.received;
		expect([prod.path, test.path].sort()).toEqual(['/webhook-test/abc-123/imoje', '/webhook/abc-123/imoje']);
		expect(test.raw.equals(prod.raw)).toBe(true);
		expect(test.headers['x-imoje-signature']).toBe(prod.headers['x-imoje-signature']);
		await waitFor(() => r.sim.notifications().length === 3, 2000, 'three attempts logged');
		expect(r.sim.notifications().filter((n) => n.test)).toHaveLength(1);
	});

	it('never retries a test delivery nobody listens to, and can target one shop or an explicit URL', async () => {
		const r = await rig({ testWebhooks: true }, undefined, '/webhook/abc-123/imoje');
		r.rx.setStatuses([200, 404]);
		r.sim.payPayment(await newLink(r));
		await waitFor(() => r.sim.deliveries().length === 2 && r.sim.deliveries().every((d) => d.state !== 'pending'), 3000, 'both deliveries');
		expect(r.sim.deliveries().find((d) => d.test)).toMatchObject({ attempts: 1, state: 'gave-up' });

		r.sim.setTestWebhooks({ enabled: false });
		r.sim.setTestWebhooks({ serviceId: r.sim.config.serviceId, url: r.rx.url.replace(/\/imoje$/, '/explicit') });
		r.rx.setStatuses([200]);
		r.sim.payPayment(await newLink(r));
		await waitFor(() => r.rx.received.some((x) => x.path === '/explicit'), 3000, 'explicit test target');
		expect(() => r.sim.setTestWebhooks({ serviceId: '2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f' })).toThrow(/unknown serviceId/);
		expect((await r.ctl.post('/_sim/test-webhooks', { url: 'not a url' })).status).toBe(400);
	});

	it('remembers where test events go across a restart when given a state file', async () => {
		const folder = tempFolder();
		try {
			const stateFile = folder.file('targets.json');
			const first = await rig({ stateFile }, undefined, '/webhook/abc-123/imoje');
			expect(first.sim.restoredTestWebhooks).toBe(false);
			expect(folder.exists('targets.json')).toBe(false); // nothing changed yet
			const target = first.rx.url.replace(/\/imoje$/, '/webhook-test/mine/imoje');
			expect((await first.ctl.post('/_sim/test-webhooks', { enabled: true, url: target })).status).toBe(200);
			expect(JSON.parse(folder.read('targets.json'))).toEqual({ testWebhooks: { all: { url: target }, shops: {} } });
			await closeRigs();

			// A new simulator on the same file: the saved target wins over the option.
			const second = await rig({ stateFile, testWebhooks: true }, undefined, '/webhook/abc-123/imoje');
			expect(second.sim.restoredTestWebhooks).toBe(true);
			expect(second.sim.getTestWebhooks()).toEqual({ all: { url: target }, shops: {} });
			second.sim.payPayment(await newLink(second));
			// (the first rig's receiver is closed: the copy is logged, not received)
			const tests = await waitFor(() => {
				const sent = second.sim.notifications().filter((n) => n.test);
				return sent.length ? sent : undefined;
			}, 3000, 'test copy to the saved target');
			expect(tests.map((n) => n.url)).toEqual([target]);

			// Per shop, and off, are kept too.
			second.sim.setTestWebhooks({ enabled: false });
			second.sim.setTestWebhooks({ serviceId: second.sim.config.serviceId, url: target });
			await closeRigs();
			const third = await rig({ stateFile, testWebhooks: true });
			expect(third.sim.getTestWebhooks()).toEqual({ all: null, shops: { [third.sim.config.serviceId]: { url: target } } });
			await closeRigs();

			// A file that is not ours is ignored (the options apply) and replaced on the next change.
			folder.write('targets.json', '{"testWebhooks": {"all": {"url": "ftp://nope"}}}');
			const fourth = await rig({ stateFile, testWebhooks: true });
			expect(fourth.sim.restoredTestWebhooks).toBe(false);
			expect(fourth.sim.getTestWebhooks()).toEqual({ all: {}, shops: {} });
			fourth.sim.setTestWebhooks({ enabled: false });
			expect(JSON.parse(folder.read('targets.json'))).toEqual({ testWebhooks: { all: null, shops: {} } });
		} finally {
			await closeRigs();
			folder.remove();
		}
	});

	it('sends a signed notification of a transaction or link on demand', async () => {
		const r = await rig();
		const id = await newLink(r);
		const sent = await r.ctl.post(`/_sim/payments/${id}/notify`);
		expect(sent.status).toBe(200);
		expect(Object.keys(await body(r, 1))).toEqual(['payment']);
		const trx = r.sim.payPayment(id);
		await body(r, 2);
		const again = await r.ctl.post(`/_sim/transactions/${trx.id}/notify`);
		expect(again.status).toBe(200);
		expect((await body(r, 3)).transaction).toMatchObject({ id: trx.id, status: 'settled' });
		expect((await r.ctl.post('/_sim/transactions/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f/notify')).status).toBe(404);
	});

	it('the CLI flag --test-webhooks (or IMOJE_SIM_TEST_WEBHOOKS) turns it on', async () => {
		const on = await startCli(['--port', '0', '--test-webhooks']);
		const state = await axios.get(`${on.url}/_sim/test-webhooks`);
		expect(state.data).toEqual({ all: {}, shops: {} });
		expect(on.banner).toMatch(/webhook-test/);
		await on.stop();
		const url = 'http://127.0.0.1:5678/webhook-test/x/imoje';
		const viaEnv = await startCli(['--port', '0'], { IMOJE_SIM_TEST_WEBHOOKS: url });
		expect((await axios.get(`${viaEnv.url}/_sim/test-webhooks`)).data).toEqual({ all: { url }, shops: {} });
		await viaEnv.stop();
	});
});

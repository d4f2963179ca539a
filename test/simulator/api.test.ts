import axios, { type AxiosInstance } from 'axios';

import {
	createSimulator, SEED_CID, SEED_PROFILE_IDS, SECOND_SERVICE_ID,
	type SimProfile, type SimShop, type SimShopMethod, type SimTransaction, type Simulator, type StateSnapshot,
} from '../../tools/imoje-sim';
import { sleep, waitFor } from './helpers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sim: Simulator;
let api: AxiosInstance;
let ctl: AxiosInstance;
let serviceId: string;

const customer = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };
const linkBody = (extra: Record<string, unknown> = {}) => ({ serviceId, amount: 1000, currency: 'PLN', orderId: 'order-1', title: 'Order 1', customer, ...extra });
const trxBody = (extra: Record<string, unknown> = {}) => ({
	type: 'sale', serviceId, amount: 2500, currency: 'PLN', orderId: 'order-2', title: 'Order 2', paymentMethod: 'pbl', paymentMethodCode: 'ing',
	successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/fail', customer, ...extra,
});

async function settledTransaction(amount = 1000): Promise<string> {
	const created = await api.post('/transaction', trxBody({ amount }));
	expect(created.status).toBe(200);
	sim.setTransactionStatus(created.data.transaction.id, 'settled');
	return created.data.transaction.id;
}

interface FieldError {
	property: string;
	message: string;
}
interface MethodGroup {
	paymentMethod: string;
	channels: Array<{ paymentMethodCode: string }>;
}

function errorsOf(res: { data: { apiErrorResponse: { errors: FieldError[] } } }): FieldError[] {
	return res.data.apiErrorResponse.errors;
}

function without<T extends Record<string, unknown>>(obj: T, key: keyof T): Partial<T> {
	const copy: Partial<T> = { ...obj };
	delete copy[key];
	return copy;
}

beforeAll(async () => {
	sim = createSimulator({ refundIntervalMs: 150 });
	await sim.start();
	serviceId = sim.config.serviceId;
	api = axios.create({ baseURL: `${sim.baseUrl}/sim-merchant`, headers: { Authorization: 'Bearer sim-token' }, validateStatus: () => true });
	ctl = axios.create({ baseURL: sim.url as string, validateStatus: () => true });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

describe('basics', () => {
	it('listens on loopback and exposes the base URL', () => {
		expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/merchant$/);
		expect(() => createSimulator({ host: '0.0.0.0' })).toThrow(/loopback/);
	});

	it('answers 401 with imoje\'s envelope without or with a wrong bearer token', async () => {
		const none = await axios.get(`${sim.baseUrl}/sim-merchant/services`, { validateStatus: () => true });
		expect(none.status).toBe(401);
		expect(none.data.apiErrorResponse.message).toBe('Unauthorized');
		expect(typeof none.data.apiErrorResponse.code).toBe('string');
		const wrong = await api.get('/services', { headers: { Authorization: 'Bearer nope' } });
		expect(wrong.status).toBe(401);
	});

	it('answers 404 for an unknown merchant or path, 405 for a wrong method, 400 for malformed JSON', async () => {
		const merchant = await axios.get(`${sim.baseUrl}/other-merchant/services`, { headers: { Authorization: 'Bearer sim-token' }, validateStatus: () => true });
		expect(merchant.status).toBe(404);
		expect(merchant.data.apiErrorResponse.message).toMatch(/not found/i);
		expect((await api.get('/nothing/here')).status).toBe(404);
		expect((await api.delete('/services')).status).toBe(405);
		const bad = await api.post('/payment', '{"serviceId": ', { headers: { 'Content-Type': 'application/json' }, transformRequest: [(d) => d] });
		expect(bad.status).toBe(400);
		expect(bad.data.apiErrorResponse).toBeDefined();
	});
});

describe('payment links', () => {
	it('creates, reads, pays and refuses to cancel a settled link', async () => {
		const created = await api.post('/payment', linkBody({ somethingNew: 'kept quiet' }));
		expect(created.status).toBe(200);
		const { payment } = created.data;
		expect(payment.id).toMatch(UUID_V4);
		expect(payment).toMatchObject({ serviceId, amount: 1000, currency: 'PLN', orderId: 'order-1', isActive: true, validTo: null });
		expect(payment.url).toContain(payment.id);
		expect(payment.transactions).toBeUndefined();

		const got = await api.get(`/payment/${payment.id}`);
		expect(got.status).toBe(200);
		expect(got.data).toMatchObject({ id: payment.id, status: 'new', transactions: [] });

		const paid = await ctl.post(`/_sim/payments/${payment.id}/pay`, {});
		expect(paid.status).toBe(200);
		expect(paid.data.transaction).toMatchObject({ type: 'sale', status: 'settled', source: 'web', amount: 1000 });

		const after = await api.get(`/payment/${payment.id}`);
		expect(after.data.status).toBe('settled');
		expect(after.data.transactions).toHaveLength(1);
		expect(after.data.transactions[0]).toMatchObject({ id: paid.data.transaction.id, status: 'settled', payment: { id: payment.id, status: 'settled' } });

		const cancel = await api.post('/payment/cancel', { serviceId, paymentId: payment.id });
		expect(cancel.status).toBe(400);
		expect(cancel.data).toEqual({ apiErrorResponse: { message: 'Cannot cancel payment' } });
	});

	it('cancels an open link and answers 404 for unknown ids', async () => {
		const { payment } = (await api.post('/payment', linkBody())).data;
		const cancel = await api.post('/payment/cancel', { serviceId, paymentId: payment.id });
		expect(cancel.status).toBe(200);
		expect(cancel.data).toMatchObject({ id: payment.id, status: 'cancelled', isActive: false, transactions: [] });
		expect((await api.post('/payment/cancel', { serviceId, paymentId: payment.id })).status).toBe(400);
		expect((await api.get('/payment/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f')).status).toBe(404);
		expect((await api.post('/payment/cancel', { serviceId: SECOND_SERVICE_ID, paymentId: payment.id })).status).toBe(404);
	});

	it('sandbox title TEST-100010 makes a paid link end in a provider error', async () => {
		const { payment } = (await api.post('/payment', linkBody({ title: 'TEST-100010' }))).data;
		const paid = await ctl.post(`/_sim/payments/${payment.id}/pay`);
		expect(paid.data.transaction).toMatchObject({ status: 'error', statusCode: 'ACQ-ERROR-130004' });
	});

	it('rejects invalid bodies with 422 REQ-ERROR-100002, the body as instance and per-field errors', async () => {
		const noOrder = without(linkBody(), 'orderId');
		const missing = await api.post('/payment', noOrder);
		expect(missing.status).toBe(422);
		expect(missing.data.apiErrorResponse).toMatchObject({ code: 'REQ-ERROR-100002', message: 'Unprocessable Entity.', instance: noOrder });
		expect(errorsOf(missing)).toEqual([{ property: 'instance', message: 'requires property "orderId"' }]);

		const nowSec = Math.floor(Date.now() / 1000);
		const bad = await api.post('/payment', linkBody({
			amount: 0, currency: 'PLZ', orderId: 'x'.repeat(101), title: 'bad <title>', validTo: nowSec + 10,
			customer: { firstName: 'Jan', email: 'not-an-email' }, notificationUrl: 'http://localhost/hook', returnUrl: 'x'.repeat(301),
		}));
		expect(bad.status).toBe(422);
		const props = errorsOf(bad).map((e) => e.property);
		expect(props).toEqual(expect.arrayContaining([
			'instance.amount', 'instance.currency', 'instance.orderId', 'instance.title', 'instance.validTo',
			'instance.customer', 'instance.customer.email', 'instance.notificationUrl', 'instance.returnUrl',
		]));
		expect(errorsOf(bad)).toContainEqual({ property: 'instance.customer', message: 'requires property "lastName"' });

		const port = await api.post('/payment', linkBody({ notificationUrl: 'https://shop.example.com:8443/hook' }));
		expect(errorsOf(port)).toEqual([{ property: 'instance.notificationUrl', message: 'must not contain a port number' }]);
		const stringAmount = await api.post('/payment', linkBody({ amount: '1000' }));
		expect(errorsOf(stringAmount)).toEqual([{ property: 'instance.amount', message: 'is not of a type(s) integer' }]);
		const unknownShop = await api.post('/payment', linkBody({ serviceId: '2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f' }));
		expect(unknownShop.status).toBe(422);
		expect(errorsOf(unknownShop)[0].property).toBe('instance.serviceId');

		expect((await api.post('/payment', linkBody({ validTo: null }))).status).toBe(200);
		expect((await api.post('/payment', linkBody({ validTo: nowSec + 120, notificationUrl: 'https://shop.example.com/hook' }))).status).toBe(200);
	});
});

describe('transactions', () => {
	it('creates a transaction with the redirect action inside and at top level', async () => {
		const res = await api.post('/transaction', trxBody());
		expect(res.status).toBe(200);
		const { transaction, action } = res.data;
		expect(transaction).toMatchObject({ type: 'sale', status: 'pending', source: 'api', amount: 2500, paymentMethodCode: 'ing' });
		expect(transaction.id).toMatch(UUID_V4);
		expect(action).toEqual(transaction.action);
		expect(action).toMatchObject({ type: 'redirect', method: 'GET' });
		expect(Object.keys(action).sort()).toEqual(['contentBodyRaw', 'contentType', 'method', 'type', 'url']);
		expect((await api.get(`/transaction/${transaction.id}`)).data.transaction).toMatchObject({ id: transaction.id, status: 'pending', refunds: [] });
	});

	it('validates with TRX-ERROR-120001: customer, BLIK code and client IP, multipayout', async () => {
		const noCustomer = without(trxBody(), 'customer');
		const missing = await api.post('/transaction', noCustomer);
		expect(missing.status).toBe(422);
		expect(missing.data.apiErrorResponse.code).toBe('TRX-ERROR-120001');
		expect(errorsOf(missing)).toEqual([{ property: 'instance', message: 'requires property "customer"' }]);

		const blik = { paymentMethod: 'blik', paymentMethodCode: 'blik' };
		expect(errorsOf(await api.post('/transaction', trxBody({ ...blik, blikCode: '777123' })))[0].message).toMatch(/clientIp/);
		expect(errorsOf(await api.post('/transaction', trxBody({ ...blik, blikCode: '7771234', clientIp: '203.0.113.7' })))[0].property).toBe('instance.blikCode');
		expect(errorsOf(await api.post('/transaction', trxBody({ ...blik, blikCode: '777123', clientIp: 'nope' })))[0].property).toBe('instance.clientIp');
		expect((await api.post('/transaction', trxBody({ ...blik, blikCode: '777123', clientIp: '203.0.113.7' }))).status).toBe(200);

		const payout = { ban: '12345678901234567890123456', amount: 2500, label: 'Partner' };
		expect((await api.post('/transaction', trxBody({ data: { multipayout: [payout] } }))).status).toBe(200);
		expect(errorsOf(await api.post('/transaction', trxBody({ currency: 'EUR', paymentMethod: 'card', paymentMethodCode: 'ecom3ds', data: { multipayout: [payout] } })))[0].message).toMatch(/PLN only/);
		expect(errorsOf(await api.post('/transaction', trxBody({ data: { multipayout: [{ ...payout, ban: '123' }] } })))[0].property).toBe('instance.data.multipayout[0].ban');
		expect(errorsOf(await api.post('/transaction', trxBody({ paymentMethodCode: 'nope' })))[0].property).toBe('instance.paymentMethodCode');
	});

	it('refuses inactive channels (TRX-ERROR-120003) and TEST-100010 (ACQ-ERROR-130004); TEST-100000 settles at once', async () => {
		const inactive = await api.post('/transaction', trxBody({ paymentMethodCode: 'millennium' }));
		expect(inactive.status).toBe(400);
		expect(inactive.data.apiErrorResponse.code).toBe('TRX-ERROR-120003');
		const provider = await api.post('/transaction', trxBody({ title: 'TEST-100010' }));
		expect(provider.status).toBe(400);
		expect(provider.data.apiErrorResponse).toMatchObject({ code: 'ACQ-ERROR-130004', instance: trxBody({ title: 'TEST-100010' }) });

		const ok = await api.post('/transaction', trxBody({ title: 'TEST-100000' }));
		expect(ok.status).toBe(200);
		const id = ok.data.transaction.id;
		const settled = await waitFor(async () => {
			const r = await api.get(`/transaction/${id}`);
			return r.data.transaction.status === 'settled' && r.data.transaction;
		}, 2000, 'TEST-100000 to settle');
		expect(settled.paidAmount).toBe(2500);
	});

	it('captures and voids only authorized transactions', async () => {
		const a = (await api.post('/transaction', trxBody())).data.transaction.id;
		expect((await api.post(`/transaction/${a}/capture`)).status).toBe(400);
		sim.setTransactionStatus(a, 'authorized');
		const captured = await api.post(`/transaction/${a}/capture`);
		expect(captured.status).toBe(200);
		expect(captured.data.transaction.status).toBe('settled');
		expect((await api.post(`/transaction/${a}/void`)).status).toBe(400);

		const b = (await api.post('/transaction', trxBody())).data.transaction.id;
		await ctl.post(`/_sim/transactions/${b}/status`, { status: 'authorized' });
		const voided = await api.post(`/transaction/${b}/void`);
		expect(voided.data.transaction.status).toBe('cancelled');
		expect(sim.state.transactions[b].status).toBe('cancelled');
		expect((await api.post('/transaction/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f/capture')).status).toBe(404);
	});
});

describe('refunds', () => {
	it('never refunds more than paid minus refunded, and spaces refunds of one transaction', async () => {
		const id = await settledTransaction(1000);
		const can = await api.post(`/transaction/${id}/can-refund`, { amount: 600 });
		expect(can.data).toEqual({ id, refundable: true, balance: true, fullRefund: 1000, partialRefund: { maxRefundAmount: 1000, minRefundAmount: 1 } });

		const first = await api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId, amount: 600, title: 'Refund 1' });
		expect(first.status).toBe(200);
		expect(first.data.transaction).toMatchObject({ type: 'refund', status: 'settled', amount: 600, currency: 'PLN', title: 'Refund 1' });

		const tooSoon = await api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId, amount: 100 });
		expect(tooSoon.status).toBe(400);
		expect(tooSoon.data.apiErrorResponse.message).toMatch(/between two refunds/);

		await sleep(200);
		const tooMuch = await api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId, amount: 401 });
		expect(tooMuch.status).toBe(400);
		expect(tooMuch.data.apiErrorResponse.message).toMatch(/exceeds/);
		await sleep(200);
		expect((await api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId, amount: 400 })).status).toBe(200);

		const after = await api.post(`/transaction/${id}/can-refund`, { amount: 1 });
		expect(after.data).toMatchObject({ refundable: false, balance: true, fullRefund: 0, partialRefund: { maxRefundAmount: 0 } });
		const trx = (await api.get(`/transaction/${id}`)).data.transaction;
		expect((trx.refunds as Array<{ transaction: SimTransaction }>).map((r) => r.transaction.amount)).toEqual([600, 400]);
	});

	it('refuses refunds of unpaid transactions, of another shop, and invalid bodies', async () => {
		const pending = (await api.post('/transaction', trxBody())).data.transaction.id;
		expect((await api.post(`/transaction/${pending}/refund`, { type: 'refund', serviceId, amount: 100 })).status).toBe(400);
		expect((await api.post(`/transaction/${pending}/can-refund`, { amount: 100 })).data.refundable).toBe(false);
		const id = await settledTransaction();
		const otherShop = await api.post(`/transaction/${id}/refund`, { type: 'refund', serviceId: SECOND_SERVICE_ID, amount: 100 });
		expect(otherShop.status).toBe(422);
		const noType = await api.post(`/transaction/${id}/refund`, { serviceId, amount: 100 });
		expect(noType.status).toBe(422);
		expect(noType.data.apiErrorResponse.code).toBe('TRX-ERROR-120001');
		expect((await api.post(`/transaction/${id}/can-refund`, { amount: -5 })).status).toBe(422);
	});
});

describe('shops, payment methods, trusted IPs', () => {
	it('returns the shop, all shops, and 404 for an unknown one', async () => {
		const shop = await api.get(`/service/${serviceId}`);
		expect(shop.status).toBe(200);
		expect(shop.data.service).toMatchObject({ id: serviceId, isActive: true });
		const blik = (shop.data.service.paymentMethods as SimShopMethod[]).find((m) => m.paymentMethodCode === 'blik');
		expect(blik).toMatchObject({ paymentMethod: 'blik', isActive: true, isOnline: true, currency: 'PLN', transactionLimits: { minTransaction: { value: 1 }, maxTransaction: { value: 5000000 } } });
		expect(shop.data.service._key).toBeUndefined();
		const all = await api.get('/services');
		expect((all.data as Array<{ service: SimShop }>).map((s) => s.service.id)).toEqual([serviceId, SECOND_SERVICE_ID]);
		expect((await api.get('/service/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f')).status).toBe(404);
	});

	it('lists the methods available for an amount and currency, grouped with channels', async () => {
		const pln = await api.post(`/service/${serviceId}/get-payment-methods`, { amount: 999, currency: 'PLN', device: 'mobile' });
		expect(pln.status).toBe(200);
		const groups = (pln.data as MethodGroup[]).map((g) => g.paymentMethod);
		expect(groups).toEqual(expect.arrayContaining(['blik', 'pbl', 'card']));
		expect(groups).not.toContain('imoje_paylater'); // PayPo starts at 10.00 PLN
		const pbl = (pln.data as MethodGroup[]).find((g) => g.paymentMethod === 'pbl');
		expect(pbl?.channels.map((c) => c.paymentMethodCode)).toEqual(['ing', 'mtransfer', 'ipko']);
		const atMin = await api.post(`/service/${serviceId}/get-payment-methods`, { amount: 1000, currency: 'PLN' });
		expect((atMin.data as MethodGroup[]).map((g) => g.paymentMethod)).toContain('imoje_paylater');
		const eur = await api.post(`/service/${serviceId}/get-payment-methods`, { amount: 1000, currency: 'EUR' });
		expect((eur.data as MethodGroup[]).map((g) => g.paymentMethod)).not.toContain('blik');
		expect((await api.post(`/service/${serviceId}/get-payment-methods`, { amount: 1000 })).status).toBe(422);
		expect((await api.post('/service/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f/get-payment-methods', { amount: 1, currency: 'PLN' })).status).toBe(404);
	});

	it('replaces the trusted IP list and validates addresses', async () => {
		expect((await api.get('/settings/ips')).data).toEqual({ trustedIps: [] });
		const bad = await api.put('/settings/ips', { trustedIps: ['1.2.3.4', '999.1.1.1'] });
		expect(bad.status).toBe(422);
		expect(errorsOf(bad)[0].property).toBe('instance.trustedIps[1]');
		expect((await api.put('/settings/ips', { trustedIps: ['1.2.3.4', '2001:db8::1'] })).data).toEqual({ trustedIps: ['1.2.3.4', '2001:db8::1'] });
		await api.put('/settings/ips', { trustedIps: ['5.196.116.32/28'] });
		expect((await api.get('/settings/ips')).data).toEqual({ trustedIps: ['5.196.116.32/28'] });
	});
});

describe('card profiles', () => {
	it('lists seeded profiles by cid and by id', async () => {
		const byCid = await api.get(`/profile/cid/${SEED_CID}`);
		expect(byCid.status).toBe(200);
		expect((byCid.data.paymentProfiles as SimProfile[]).map((p) => [p.profile, p.isActive])).toEqual([['ONE_CLICK', 1], ['RECURRING', 1]]);
		const one = await api.get(`/profile/id/${SEED_PROFILE_IDS.inactive}`);
		expect(one.data.paymentProfile).toMatchObject({ id: SEED_PROFILE_IDS.inactive, isActive: 0, merchantCustomerId: 'sim-customer-2' });
		expect((await api.get('/profile/cid/nobody')).status).toBe(404);
		expect((await api.get('/profile/id/2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f')).status).toBe(404);
	});

	it('debits an active profile, refuses an inactive one, and deactivates both ways', async () => {
		const body = { serviceId, paymentProfileId: SEED_PROFILE_IDS.recurring, amount: 1999, currency: 'PLN', orderId: 'sub-1', title: 'Subscription' };
		const debit = await api.post('/transaction/profile', body);
		expect(debit.status).toBe(200);
		expect(debit.data.transaction).toMatchObject({ status: 'pending', paymentMethod: 'card', paymentMethodCode: 'recurring', paymentProfile: { id: SEED_PROFILE_IDS.recurring, profile: 'RECURRING' } });
		const id = debit.data.transaction.id;
		const settled = await waitFor(() => (sim.state.transactions[id].status === 'settled' ? sim.state.transactions[id] : undefined), 2000, 'debit to settle');
		expect(settled.statusCode).toBe('CODE_000');

		const inactive = await api.post('/transaction/profile', { ...body, paymentProfileId: SEED_PROFILE_IDS.inactive });
		expect(inactive.status).toBe(400);
		expect(inactive.data.apiErrorResponse).toMatchObject({ code: 'TRX-ERROR-120301', message: 'Payment profile inactive.', errors: [] });
		expect((await api.post('/transaction/profile', { ...body, paymentProfileId: '2f1c4b7e-1d3a-4c5b-8e6f-7a8b9c0d1e2f' })).status).toBe(404);
		expect((await api.post('/transaction/profile', { ...body, currency: 'XXX' })).data.apiErrorResponse.code).toBe('TRX-ERROR-120001');

		const del = await api.delete(`/profile/id/${SEED_PROFILE_IDS.oneClick}`);
		expect(del.data.paymentProfile.isActive).toBe(0);
		expect((await api.post('/transaction/profile', { ...body, paymentProfileId: SEED_PROFILE_IDS.oneClick })).status).toBe(400);
		const post = await api.post('/profile/deactivate', { paymentProfileId: SEED_PROFILE_IDS.recurring });
		expect(post.data.paymentProfile).toMatchObject({ id: SEED_PROFILE_IDS.recurring, isActive: 0 });
		expect((await api.post('/profile/deactivate', {})).status).toBe(422);
	});
});

describe('control state', () => {
	it('GET /_sim/state mirrors what the API did', async () => {
		const { payment } = (await api.post('/payment', linkBody())).data;
		await ctl.post(`/_sim/payments/${payment.id}/pay`, { status: 'authorized' });
		await api.put('/settings/ips', { trustedIps: ['1.2.3.4'] });
		const state = (await ctl.get<StateSnapshot>('/_sim/state')).data;
		expect(state.paymentLinks).toHaveLength(1);
		expect(state.paymentLinks[0]).toMatchObject({ id: payment.id, status: 'authorized' });
		expect(state.transactions).toHaveLength(1);
		expect(state.transactions[0]).toMatchObject({ status: 'authorized', _paymentId: payment.id });
		expect(state.trustedIps).toEqual(['1.2.3.4']);
		expect(state.profiles).toHaveLength(3);
		expect(state.shops.map((s) => s.id)).toEqual([serviceId, SECOND_SERVICE_ID]);

		expect((await ctl.post('/_sim/reset')).status).toBe(200);
		expect((await api.get(`/payment/${payment.id}`)).status).toBe(404);
		expect((await ctl.get('/_sim/nope')).status).toBe(404);
	});
});

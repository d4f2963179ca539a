import axios, { type AxiosInstance } from 'axios';

import { createSimulator, type Simulator } from '../../tools/imoje-sim';
import { startCli, startReceiver } from './helpers';

let sim: Simulator;
let api: AxiosInstance;
let ctl: AxiosInstance;

const linkBody = () => ({
	serviceId: sim.config.serviceId, amount: 1000, currency: 'PLN', orderId: 'f-1', customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
});

beforeAll(async () => {
	sim = createSimulator();
	await sim.start();
	api = axios.create({ baseURL: `${sim.baseUrl}/sim-merchant`, headers: { Authorization: 'Bearer sim-token' }, validateStatus: () => true });
	ctl = axios.create({ baseURL: sim.url as string, validateStatus: () => true });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

describe('fault switches', () => {
	it('status5xx answers the imoje envelope for the next N requests only, and changes no state', async () => {
		expect((await ctl.post('/_sim/faults', { status5xx: 503, count: 2 })).status).toBe(200);
		const first = await api.post('/payment', linkBody());
		expect(first.status).toBe(503);
		expect(first.data.apiErrorResponse).toMatchObject({ message: 'Service Unavailable' });
		expect((await api.get('/services')).status).toBe(503);
		expect((await api.get('/services')).status).toBe(200);
		expect(Object.keys(sim.state.paymentLinks)).toHaveLength(0);
		expect((await ctl.get('/_sim/faults')).data.faults).toEqual([]);

		sim.setFault({ status5xx: true, count: 1 });
		expect((await api.get('/services')).status).toBe(500);
	});

	it('nonJson answers an HTML page', async () => {
		sim.setFault({ nonJson: true, count: 1 });
		const html = await api.get('/services', { responseType: 'text' });
		expect(html.status).toBe(200);
		expect(html.headers['content-type']).toMatch(/^text\/html/);
		expect(() => JSON.parse(html.data)).toThrow();
		expect(html.data).toContain('<html>');
		sim.setFault({ nonJson: true, status5xx: 502, count: 1 });
		expect((await api.get('/services', { responseType: 'text' })).status).toBe(502);
	});

	it('dropConnection destroys the socket without an answer', async () => {
		sim.setFault({ dropConnection: true, count: 1 });
		await expect(api.get('/services')).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect((await api.get('/services')).status).toBe(200);
	});

	it('delayMs slows answers down', async () => {
		sim.setFault({ delayMs: 250, count: 1 });
		const t0 = Date.now();
		const res = await api.get('/services');
		expect(res.status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
		const t1 = Date.now();
		await api.get('/services');
		expect(Date.now() - t1).toBeLessThan(200);
	});

	it('pathPrefix limits a fault to matching paths (relative or full); /_sim is never faulted', async () => {
		await ctl.post('/_sim/faults', { status5xx: 500, pathPrefix: '/payment' });
		expect((await api.get('/services')).status).toBe(200);
		expect((await api.post('/payment', linkBody())).status).toBe(500);
		expect((await ctl.get('/_sim/state')).status).toBe(200);
		expect((await ctl.delete('/_sim/faults')).status).toBe(200);
		expect((await api.post('/payment', linkBody())).status).toBe(200);

		sim.setFault({ status5xx: 503, pathPrefix: '/v1/merchant/sim-merchant/services' });
		expect((await api.get('/services')).status).toBe(503);
		expect((await api.get('/settings/ips')).status).toBe(200);
		sim.clearFaults();
		expect((await api.get('/services')).status).toBe(200);
	});

	it('rejects malformed faults with 400', async () => {
		expect((await ctl.post('/_sim/faults', { count: 2 })).status).toBe(400);
		expect((await ctl.post('/_sim/faults', { status5xx: 404 })).status).toBe(400);
		expect(sim.faults.list).toHaveLength(0);
	});

	it('reset clears state, faults and the notification log', async () => {
		const rx = await startReceiver();
		const own = createSimulator({ notificationUrl: rx.url });
		await own.start();
		try {
			const created = await axios.post(`${own.baseUrl}/sim-merchant/payment`, linkBody(), { headers: { Authorization: 'Bearer sim-token' } });
			own.payPayment(created.data.payment.id);
			own.setFault({ delayMs: 10 });
			await axios.post(`${own.url}/_sim/reset`);
			expect(own.notifications()).toEqual([]);
			expect(own.snapshot()).toMatchObject({ paymentLinks: [], transactions: [], trustedIps: [] });
			expect(own.faults.list).toEqual([]);
		} finally {
			await own.stop();
			await rx.close();
		}
	});
});

describe('command line', () => {
	it('starts with one command, prints the credential values, serves the API and stops on SIGTERM', async () => {
		const run = await startCli(['--port', '0', '--merchant-id', 'cli-merchant', '--token', 'cli-token'], { IMOJE_SIM_SHOP_KEY: 'cli-key' });
		try {
			expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(run.banner).toContain(`Base URL             ${run.url}/v1/merchant`);
			expect(run.banner).toMatch(/Merchant ID +cli-merchant/);
			expect(run.banner).toMatch(/Authorization Token +cli-token/);
			expect(run.banner).toMatch(/Shop Key +cli-key/);
			expect(run.banner).toContain('/_sim/payments/{id}/pay');
			const res = await axios.get(`${run.url}/v1/merchant/cli-merchant/services`, { headers: { Authorization: 'Bearer cli-token' } });
			expect(res.status).toBe(200);
		} finally {
			const end = await run.stop('SIGTERM');
			expect(end.code).toBe(0);
			expect(end.output).toContain('SIGTERM: stopping');
		}
	});
});

// All 19 operations of the imoje node in ONE workflow run by a real n8n (`n8n execute`)
// against the simulator, each output checked against what the simulator then holds.
import { e2eCli, e2eInfo, PACKAGE_NAME, simCredentialData, simRequest, type SimInfo, type WorkflowNode } from './harness';

jest.setTimeout(180_000);

// JSON read back from n8n and the simulator: loosely typed on purpose, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const PROFILES = { oneClick: '0c1c0c1c-0001-4000-8000-000000000001', recurring: '0c1c0c1c-0002-4000-8000-000000000002' };
const CID = 'sim-customer-1';
const customer = { customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan@example.com' };
const returnUrls = { successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/fail' };

let sim: SimInfo;
const api = async (path: string, body: Obj) => {
	const response = await simRequest<Obj>('POST', `/v1/merchant/${sim.merchantId}${path}`, body, { auth: true });
	expect(response.status).toBe(200);
	return response.body;
};
const newTransaction = async (orderId: string, title: string) =>
	(
		await api('/transaction', {
			type: 'sale', serviceId: sim.serviceId, amount: 10000, currency: 'PLN', orderId, title, paymentMethod: 'blik',
			paymentMethodCode: 'blik', ...returnUrls, customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
		})
	).transaction.id as string;
const newLink = async (orderId: string) =>
	(await api('/payment', { serviceId: sim.serviceId, amount: 2500, currency: 'PLN', orderId, customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' } })).payment.id as string;
const newProfile = async () => ((await simRequest<Obj>('POST', '/_sim/profiles', { merchantCustomerId: 'e2e-deactivate' })).body.paymentProfile.id as string);

describe('every operation in a real n8n', () => {
	let outputs: Record<string, Obj[]>;
	let state: Obj;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		sim = e2eInfo().sim!;
		ids.settled = await newTransaction('E2E-OPS-SETTLED', 'TEST-100000');
		ids.toCapture = await newTransaction('E2E-OPS-CAPTURE', 'Capture me');
		ids.toVoid = await newTransaction('E2E-OPS-VOID', 'Void me');
		for (const id of [ids.toCapture, ids.toVoid]) {
			expect((await simRequest('POST', `/_sim/transactions/${id}/status`, { status: 'authorized' })).status).toBe(200);
		}
		ids.link = await newLink('E2E-OPS-LINK');
		ids.linkToCancel = await newLink('E2E-OPS-CANCEL');
		ids.deleteProfile = await newProfile();
		ids.postProfile = await newProfile();

		const operations: Array<[string, Obj]> = [
			['Transaction Create', { resource: 'transaction', operation: 'create', amount: 4200, currency: 'PLN', orderId: 'E2E-OPS-NEW', paymentMethod: 'pbl', paymentMethodCode: 'ipko', ...returnUrls, ...customer }],
			['Transaction Get', { resource: 'transaction', operation: 'get', transactionId: ids.settled }],
			['Transaction Capture', { resource: 'transaction', operation: 'capture', transactionId: ids.toCapture }],
			['Transaction Void', { resource: 'transaction', operation: 'void', transactionId: ids.toVoid }],
			['Payment Link Create', { resource: 'paymentLink', operation: 'create', amount: 1999, currency: 'PLN', orderId: 'E2E-OPS-NEWLINK', ...customer, additionalFields: { title: 'Deal 42' } }],
			['Payment Link Get', { resource: 'paymentLink', operation: 'get', paymentId: ids.link }],
			['Payment Link Cancel', { resource: 'paymentLink', operation: 'cancel', paymentId: ids.linkToCancel }],
			['Refund Check', { resource: 'refund', operation: 'checkPossibility', transactionId: ids.settled, amount: 100 }],
			['Refund Create', { resource: 'refund', operation: 'create', transactionId: ids.settled, amount: 100 }],
			['Shop Get', { resource: 'shop', operation: 'get' }],
			['Shop Get Many', { resource: 'shop', operation: 'getAll' }],
			['Profile Debit', { resource: 'paymentProfile', operation: 'debit', paymentProfileId: PROFILES.oneClick, amount: 990, currency: 'PLN', orderId: 'E2E-OPS-DEBIT' }],
			['Profile Get Many', { resource: 'paymentProfile', operation: 'getAll', cid: CID }],
			['Profile Get', { resource: 'paymentProfile', operation: 'get', paymentProfileId: PROFILES.recurring }],
			['Profile Deactivate DELETE', { resource: 'paymentProfile', operation: 'deactivate', paymentProfileId: ids.deleteProfile }],
			['Profile Deactivate POST', { resource: 'paymentProfile', operation: 'deactivate', paymentProfileId: ids.postProfile, deactivateVia: 'post' }],
			['Trusted IP Set', { resource: 'trustedIp', operation: 'set', ips: '203.0.113.7, 198.51.100.0/24' }],
			['Payment Methods', { resource: 'paymentMethod', operation: 'getAvailable', amount: 5000, currency: 'PLN' }],
		];
		const cli = e2eCli();
		const [credentialId] = await cli.importCredentials({ name: 'imoje (operations)', type: 'imojeApi', data: simCredentialData() });
		const imojeNode = (name: string, parameters: Obj, y: number): WorkflowNode => ({
			name, type: `${PACKAGE_NAME}.imoje`, typeVersion: 1, position: [300, y], parameters,
			credentials: { imojeApi: { id: credentialId, name: 'imoje (operations)' } },
		});
		const nodes = [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			...operations.map(([name, parameters], i) => imojeNode(name, parameters, i * 120)),
			// Reading the list must follow setting it, so it hangs off Set.
			imojeNode('Trusted IP Get', { resource: 'trustedIp', operation: 'getAll' }, 16 * 120 + 60),
		];
		const connections: Obj = { Start: { main: [operations.map(([name]) => ({ node: name, type: 'main', index: 0 }))] } };
		connections['Trusted IP Set'] = { main: [[{ node: 'Trusted IP Get', type: 'main', index: 0 }]] };

		const workflowId = await cli.importWorkflow({ name: 'e2e: all 19 operations', nodes, connections });
		const run = await cli.executeWorkflow(workflowId);
		expect(run.status).toBe('success');
		outputs = Object.fromEntries(
			Object.entries(run.data.resultData.runData as Obj).map(([name, tasks]) => [name, (tasks[0].data?.main?.[0] ?? []).map((item: Obj) => item.json)]),
		);
		state = (await simRequest<Obj>('GET', '/_sim/state')).body;
	});

	const transaction = (id: string) => state.transactions.find((t: Obj) => t.id === id);
	const link = (id: string) => state.paymentLinks.find((l: Obj) => l.id === id);
	const profile = (id: string) => state.profiles.find((p: Obj) => p.id === id);

	it('ran 19 operation nodes, each with output', () => {
		const ran = Object.keys(outputs).filter((name) => name !== 'Start');
		expect(ran).toHaveLength(19);
		for (const name of ran) expect([name, outputs[name].length > 0]).toEqual([name, true]);
	});

	it('transaction create, get, capture, void', () => {
		const [created] = outputs['Transaction Create'];
		expect(transaction(created.id)).toMatchObject({ orderId: 'E2E-OPS-NEW', amount: 4200, paymentMethodCode: 'ipko', status: created.status });
		expect(outputs['Transaction Get'][0]).toMatchObject({ id: ids.settled, status: 'settled', amount: 10000, orderId: 'E2E-OPS-SETTLED' });
		expect([outputs['Transaction Capture'][0].status, transaction(ids.toCapture).status]).toEqual(['settled', 'settled']);
		expect([outputs['Transaction Void'][0].status, transaction(ids.toVoid).status]).toEqual(['cancelled', 'cancelled']);
	});

	it('payment link create, get, cancel', () => {
		const [created] = outputs['Payment Link Create'];
		expect(created.url).toBe(link(created.id).url);
		expect(link(created.id)).toMatchObject({ orderId: 'E2E-OPS-NEWLINK', amount: 1999, title: 'Deal 42', serviceId: sim.serviceId });
		expect(outputs['Payment Link Get'][0]).toMatchObject({ id: ids.link, url: link(ids.link).url, orderId: 'E2E-OPS-LINK' });
		expect(outputs['Payment Link Cancel'][0]).toMatchObject({ id: ids.linkToCancel, status: 'cancelled' });
		expect(link(ids.linkToCancel).status).toBe('cancelled');
	});

	it('refund check possibility and create', () => {
		expect(outputs['Refund Check'][0]).toMatchObject({ refundable: true });
		const [refund] = outputs['Refund Create'];
		expect(refund).toMatchObject({ type: 'refund', amount: 100 });
		expect(transaction(refund.id)).toMatchObject({ type: 'refund', amount: 100, _parentId: ids.settled });
	});

	it('shop get and get many', () => {
		const shop = state.shops.find((s: Obj) => s.id === sim.serviceId);
		expect(outputs['Shop Get'][0]).toMatchObject({ id: sim.serviceId, isActive: true });
		expect(outputs['Shop Get'][0].paymentMethods).toHaveLength(shop.paymentMethods.length);
		expect(outputs['Shop Get Many'].map((s) => s.id).sort()).toEqual(state.shops.map((s: Obj) => s.id).sort());
	});

	it('payment profile debit, get many, get, deactivate both ways', () => {
		const [debit] = outputs['Profile Debit'];
		expect(debit.paymentProfile).toMatchObject({ id: PROFILES.oneClick });
		expect(transaction(debit.id)).toMatchObject({ amount: 990, orderId: 'E2E-OPS-DEBIT' });
		const ofCustomer = state.profiles.filter((p: Obj) => p.merchantCustomerId === CID).map((p: Obj) => p.id).sort();
		expect(outputs['Profile Get Many'].map((p) => p.id).sort()).toEqual(ofCustomer);
		expect(outputs['Profile Get'][0]).toMatchObject({ id: PROFILES.recurring, maskedNumber: profile(PROFILES.recurring).maskedNumber, profile: 'RECURRING' });
		expect([profile(ids.deleteProfile).isActive, profile(ids.postProfile).isActive]).toEqual([0, 0]);
	});

	it('trusted IPs set, then get', () => {
		expect(state.trustedIps).toEqual(['203.0.113.7', '198.51.100.0/24']);
		expect(outputs['Trusted IP Get'][0].trustedIps).toEqual(state.trustedIps);
	});

	it('payment methods available for an amount', () => {
		const methods = outputs['Payment Methods'];
		expect(methods.length).toBeGreaterThan(0);
		expect(methods.flatMap((m) => m.channels ?? [m]).some((c: Obj) => c.paymentMethodCode === 'blik')).toBe(true);
	});
});

/**
 * imoje Wait for Payment through n8n-core's engine and WebhookContext (test/engine/wait.ts):
 * the status check before waiting, every rule of what the waiting step accepts, the time
 * limit, and bad input. imoje's answers are nock; notifications are signed as imoje signs them.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { ImojeWait } from '../../dist/nodes/ImojeWait/ImojeWait.node';
import { API, SHOP_ID, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink, transaction } from '../Imoje/parameters';
import { outputOf, signed, startWait } from '../engine/wait';
import type { Waiting } from '../engine/wait';

const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
const TRX = '5d8a4a2e-3b41-4c7a-9f0e-2b7c1d9e8f60';
const OTHER = '9e9e9e9e-1111-4222-8333-944455556666';
const HOUR = 3_600_000;

const link = (extra: IDataObject = {}) => ({ id: LINK, serviceId: SHOP_ID, orderId: 'deal-77', amount: 12550, currency: 'PLN', status: 'new', isActive: true, transactions: [], ...extra });
const sale = (status: string, extra: IDataObject = {}) => ({ id: TRX, type: 'sale', status, amount: 12550, currency: 'PLN', orderId: 'deal-77', modified: 1_800_000_000, payment: { id: LINK, status }, ...extra });

/** imoje answers GET with this body; returns how many GETs arrived. */
function imojeHas(path: string, body: unknown, status = 200) {
	let asked = 0;
	nock(API).persist().get(path).reply(() => {
		asked++;
		return [status, JSON.stringify(body), { 'Content-Type': 'application/json' }];
	});
	return () => asked;
}

const forLink = (waitOptions: IDataObject = {}) => ({ resource: 'paymentLink', paymentId: { __rl: true, mode: 'id', value: LINK }, waitOptions });
const forTransaction = (waitOptions: IDataObject = {}) => ({ resource: 'transaction', transactionId: { __rl: true, mode: 'id', value: TRX }, waitOptions });

let waiting: Waiting | undefined;
beforeEach(() => {
	resetImoje();
	// The waiting step's webhook is served on 127.0.0.1 (test/engine/wait.ts).
	nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
	await waiting?.close();
	waiting = undefined;
});

describe('before waiting, imoje is asked for the status', () => {
	test.each<[string, IDataObject, unknown, IDataObject]>([
		['a link paid by one of its transactions', forLink(), link({ status: 'settled', transactions: [sale('rejected', { id: OTHER, modified: 1 }), sale('settled')] }), { paid: true, status: 'settled', transactionId: TRX }],
		['a link cancelled', forLink(), link({ status: 'cancelled', isActive: false }), { paid: false, status: 'cancelled', reason: 'link cancelled' }],
		['a link whose latest attempt was rejected', forLink(), link({ transactions: [sale('rejected')] }), { paid: false, status: 'rejected', reason: 'rejected' }],
		['an authorized transaction counted as paid', forTransaction({ authorizedIsPaid: true }), { transaction: sale('authorized') }, { paid: true, status: 'authorized' }],
		['a transaction in error', forTransaction(), { transaction: sale('error') }, { paid: false, status: 'error' }],
	])('%s: the item at once, nothing waits', async (_name, parameters, answer, expected) => {
		const asked = imojeHas(parameters.resource === 'transaction' ? `/transaction/${TRX}` : `/payment/${LINK}`, answer);
		waiting = await startWait(parameters);
		expect(waiting.isWaiting()).toBe(false);
		expect(waiting.first.data.resultData.error).toBeUndefined();
		const [item] = outputOf(waiting.first);
		expect(item.json).toMatchObject({ ended: 'statusCheck', amount: 12550, currency: 'PLN', orderId: 'deal-77', ...expected });
		expect(item.json.statusCheck).toEqual(answer);
		expect(asked()).toBe(1);
	});

	test('a payment not decided yet: the execution waits, until the link\'s expiry plus an hour', async () => {
		const validTo = Math.floor(Date.now() / 1000) + 86_400;
		imojeHas(`/payment/${LINK}`, link({ validTo }));
		waiting = await startWait(forLink());
		expect(waiting.isWaiting()).toBe(true);
		expect(waiting.first.waitTill?.getTime()).toBe(validTo * 1000 + HOUR);
	});

	test.each<[string, IDataObject, number]>([
		['no expiry: 7 days', {}, 7 * 24 * HOUR],
		['after 30 minutes', { limitType: 'afterInterval', limitAmount: 30, limitUnit: 'minutes' }, HOUR / 2],
		['after 2 days', { limitType: 'afterInterval', limitAmount: 2, limitUnit: 'days' }, 48 * HOUR],
	])('time limit %s', async (_name, waitOptions, after) => {
		imojeHas(`/transaction/${TRX}`, { transaction: sale('pending') });
		const before = Date.now();
		waiting = await startWait(forTransaction(waitOptions));
		const waitTill = waiting.first.waitTill!.getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + after);
		expect(waitTill).toBeLessThan(Date.now() + after + 1000);
	});
});

describe('what the waiting step accepts', () => {
	async function waitForLink(waitOptions: IDataObject = {}) {
		imojeHas(`/payment/${LINK}`, link({ transactions: [sale('pending')] }));
		waiting = await startWait(forLink(waitOptions));
		expect(waiting.isWaiting()).toBe(true);
		return waiting;
	}

	test('a call that is not signed with the shop key: 401, and the execution keeps waiting', async () => {
		const wait = await waitForLink();
		const forged = signed({ transaction: sale('settled'), payment: link() }, 'not-the-shop-key');
		expect(await wait.call(forged.body, forged.headers)).toMatchObject({ status: 401, body: { status: 'error', message: 'signature check failed: bad-signature' }, resumed: undefined });
		const unsigned = await wait.call(JSON.stringify({ transaction: sale('settled') }), {});
		expect(unsigned.status).toBe(401);
		const otherShop = signed({ transaction: sale('settled'), payment: link() }, undefined, OTHER);
		expect((await wait.call(otherShop.body, otherShop.headers)).status).toBe(401);
		expect(wait.isWaiting()).toBe(true);
	});

	test.each<[string, IDataObject]>([
		['pending', { transaction: sale('pending'), payment: link() }],
		['new', { transaction: sale('new'), payment: link() }],
		['authorized, not counted as paid', { transaction: sale('authorized'), payment: link() }],
		['another link, settled', { transaction: sale('settled', { id: OTHER, payment: { id: OTHER } }), payment: link({ id: OTHER }) }],
		['a refund of this link', { transaction: sale('settled', { type: 'refund' }), payment: link() }],
	])('%s: 200 {"status":"ok"} and the execution keeps waiting', async (_name, payload) => {
		const wait = await waitForLink();
		const { body, headers } = signed(payload);
		expect(await wait.call(body, headers)).toEqual({ status: 200, body: { status: 'ok' }, resumed: undefined });
		expect(wait.isWaiting()).toBe(true);
	});

	test.each<[string, IDataObject, IDataObject, IDataObject]>([
		['settled', {}, { transaction: sale('settled', { statusCode: 'CODE_000' }), payment: link() }, { paid: true, status: 'settled', statusCode: 'CODE_000', transactionId: TRX }],
		['authorized, counted as paid', { authorizedIsPaid: true }, { transaction: sale('authorized'), payment: link() }, { paid: true, status: 'authorized' }],
		['rejected', {}, { transaction: sale('rejected', { statusCode: 'CODE_51' }), payment: link() }, { paid: false, status: 'rejected', reason: 'rejected', statusCode: 'CODE_51' }],
		['cancelled', {}, { transaction: sale('cancelled'), payment: link() }, { paid: false, status: 'cancelled' }],
		['error', {}, { transaction: sale('error'), payment: link() }, { paid: false, status: 'error' }],
		['the link expired (payment alone)', {}, { payment: link({ status: 'expired', isActive: false }) }, { paid: false, status: 'expired', reason: 'link expired' }],
		['the link cancelled (payment alone)', {}, { payment: link({ status: 'cancelled', isActive: false }) }, { paid: false, status: 'cancelled', reason: 'link cancelled' }],
	])('%s: 200, and the execution goes on with that outcome', async (_name, waitOptions, payload, expected) => {
		const wait = await waitForLink(waitOptions);
		const { body, headers } = signed(payload);
		const answer = await wait.call(body, headers);
		expect(answer).toMatchObject({ status: 200, body: { status: 'ok' } });
		expect(answer.resumed?.data.resultData.error).toBeUndefined();
		const items = outputOf(answer.resumed!);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ ended: 'notification', paymentId: LINK, orderId: 'deal-77', ...expected });
		expect(items[0].json.notification).toEqual(payload);
		expect(items[0].json.wait).toMatchObject({ for: 'paymentLink', id: LINK });
		// The execution has ended: n8n answers later calls itself (409).
		expect((await wait.call(body, headers)).status).toBe(409);
	});

	test('a transaction: its own final notification resumes it, another transaction\'s does not', async () => {
		imojeHas(`/transaction/${TRX}`, { transaction: sale('pending') });
		waiting = await startWait(forTransaction());
		const other = signed({ transaction: sale('settled', { id: OTHER }) });
		expect((await waiting.call(other.body, other.headers)).resumed).toBeUndefined();
		const own = signed({ transaction: sale('settled') });
		const answer = await waiting.call(own.body, own.headers);
		expect(outputOf(answer.resumed!)[0].json).toMatchObject({ paid: true, ended: 'notification', transactionId: TRX, status: 'settled' });
	});

	test('the time limit: not paid, "time limit", with the status checked before waiting; imoje is not asked again', async () => {
		const asked = imojeHas(`/payment/${LINK}`, link({ transactions: [sale('pending')] }));
		waiting = await startWait(forLink());
		const run = await waiting.timeLimit();
		expect(run.data.resultData.error).toBeUndefined();
		const [item] = outputOf(run);
		expect(item.json).toMatchObject({ paid: false, ended: 'timeLimit', reason: 'time limit', status: 'pending', paymentId: LINK, orderId: 'deal-77' });
		expect(item.json.wait).toMatchObject({ for: 'paymentLink', id: LINK, until: waiting.first.waitTill!.toISOString() });
		// n8n resumes a wait at its limit without running the node again (the floor, see docs/wait-for-payment.md).
		expect(asked()).toBe(1);
	});
});

describe('bad input and imoje\'s refusals', () => {
	test.each<[string, IDataObject, IDataObject[], RegExp]>([
		['two items', forLink(), [{}, {}], /^Wait for Payment waits for one payment per execution, and got 2 items$/],
		['an ID from an expression that is not imoje\'s', { resource: 'paymentLink', paymentId: { __rl: true, mode: 'id', value: '={{ "abc" }}' } }, [{}], /^Invalid "Payment Link ID": must be an imoje ID/],
		['no transaction ID from an expression', { resource: 'transaction', transactionId: { __rl: true, mode: 'id', value: '={{ $json.none }}' } }, [{}], /^Invalid "Transaction ID": is required$/],
		['a time limit in the past', forLink({ limitType: 'atDate', limitDate: '2020-01-01T00:00:00' }), [{}], /^Invalid "Time Limit Date": must be in the future/],
	])('%s: a clear error, the execution does not wait', async (_name, parameters, items, message) => {
		imojeHas(`/payment/${LINK}`, link());
		waiting = await startWait(parameters, { items });
		expect(waiting.isWaiting()).toBe(false);
		expect(waiting.first.data.resultData.error?.message).toMatch(message);
	});

	test('as an AI agent\'s tool (n8n names it <type>Tool): refused, nothing asked, nothing waits', async () => {
		const asked = imojeHas(`/payment/${LINK}`, link());
		waiting = await startWait(forLink(), { type: 'n8n-nodes-imoje.imojeWaitTool' });
		expect(waiting.isWaiting()).toBe(false);
		expect(waiting.first.data.resultData.error?.message).toBe('Wait for Payment cannot be used by an AI agent');
		expect(asked()).toBe(0);
		// And n8n offers it to no agent: the node is not usable as a tool.
		expect(new ImojeWait().description.usableAsTool).toBeUndefined();
	});

	test('imoje\'s refusal is a NodeApiError with imoje\'s code; with Continue On Fail an error item', async () => {
		imojeHas(`/payment/${LINK}`, { apiErrorResponse: { code: 'TRX-ERROR-404', message: 'Payment not found' } }, 404);
		waiting = await startWait(forLink());
		const error = waiting.first.data.resultData.error!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('imoje error TRX-ERROR-404: Payment not found');
		await waiting.close();
		waiting = await startWait(forLink(), { continueOnFail: true });
		expect(outputOf(waiting.first)).toEqual([{ json: { error: 'imoje error TRX-ERROR-404: Payment not found' }, pairedItem: { item: 0 } }]);
		expect(waiting.isWaiting()).toBe(false);
	});
});

test('why a node of its own: in n8n\'s engine a declarative node with a webhook() gets no input data for its expressions', async () => {
	class ImojeWithWebhook extends Imoje {
		webhook = async () => ({});
	}
	const parameters = { resource: 'transaction', operation: 'get', transactionId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };
	nock(API).persist().get(`/transaction/${TRX}`).reply(200, { transaction: sale('settled') });
	const plain = await runImoje({ parameters, items: [{ id: TRX }] });
	expect(plain.error).toBeUndefined();
	const withWebhook = await runImoje({ parameters, items: [{ id: TRX }], nodeType: new ImojeWithWebhook() });
	expect(withWebhook.error?.message).toBe("Node 'imoje' hasn't been executed");
});

describe('Create with "Notify Wait for Payment Step"', () => {
	test.each<[string, IDataObject]>([
		['Payment Link › Create', paymentLink({}, { notifyWaitStep: true })],
		['Transaction › Create', transaction({ notifyWaitStep: true })],
		['Payment Profile › Debit', { resource: 'paymentProfile', operation: 'debit', paymentProfileId: { __rl: true, mode: 'id', value: LINK }, amount: 100, currency: 'PLN', orderId: 'A', additionalFields: { notifyWaitStep: true } }],
	])('%s sends this execution\'s resume URL with the step\'s path as notificationUrl, and nothing of its own', async (_name, parameters) => {
		const captured = imojeAnswers(200, { payment: { id: LINK } });
		const result = await runImoje({ parameters });
		expect(result.error).toBeUndefined();
		const body = captured[0].body as IDataObject;
		const token = result.run.data.resumeToken!;
		expect(token.length).toBeGreaterThan(20);
		expect(body.notificationUrl).toBe(`http://localhost:5678/webhook-waiting/exec-test/imoje?signature=${token}`);
		expect(body).not.toHaveProperty('notifyWaitStep');
	});

	test('off, or not added: the shop\'s own address (no notificationUrl)', async () => {
		const captured = imojeAnswers(200, { payment: { id: LINK } });
		await runImoje({ parameters: paymentLink({}, { notifyWaitStep: false }) });
		expect(captured[0].body).not.toHaveProperty('notificationUrl');
		expect(captured[0].body).not.toHaveProperty('notifyWaitStep');
	});

	test('together with a Notification URL: refused, naming both', async () => {
		const captured = imojeAnswers(200, {});
		const result = await runImoje({ parameters: paymentLink({}, { notifyWaitStep: true, notificationUrl: 'https://n8n.example.com/webhook/imoje' }) });
		expect(captured).toHaveLength(0);
		expect(result.error?.message).toBe('Invalid "Notify Wait for Payment Step": cannot be combined with "Notification URL"; remove one of them');
	});
});

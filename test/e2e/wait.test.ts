// Wait for Payment in a real n8n 2.38.7 (issue 15, "Done when"): a deal-won webhook creates a payment
// link with "Notify Wait for Payment Step", a stand-in sends it, and the execution waits until imoje
// (the simulator) notifies the resume URL. Every ending, forged calls, a payer faster than the wait,
// the time limit, a restart of n8n, and what late calls get once the execution has ended.
// Its own n8n and simulator (harness/wait.js): the test restarts n8n, which the shared one must not see.
import { randomUUID } from 'node:crypto';

import { sign, type NotificationAttempt } from '../../tools/imoje-sim';
import { PACKAGE_NAME, n8nMajor, sleep, waitFor, type ExecutionDetail, type StoredWorkflow, type WorkflowNode } from './harness';
import { executionIdOf, startWaitRig, type WaitRig } from './harness/wait';

// n8n's WaitTracker looks for due executions once a minute: the time-limit case alone needs up to ~2 min.
jest.setTimeout(300_000);

// JSON read back from n8n: loosely typed on purpose, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const WAIT = 'Wait for Payment';
const customer = { customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan@example.com' };

describe('Wait for Payment in a real n8n', () => {
	let rig: WaitRig;
	let credentials: WorkflowNode['credentials'];
	const paths = { link: 'deal-won', slow: 'deal-won-slow', limit: 'deal-won-limit', transaction: 'order-blik', loop: 'deal-won-unreachable' };
	let limitRun: Promise<{ started: number; run: Started }>;
	let loopRun: Promise<{ workflowId: string; linkId: string }>;

	// ---- workflows --------------------------------------------------------------------------------

	const node = (name: string, type: string, x: number, parameters: Obj, extra: Partial<WorkflowNode> = {}): WorkflowNode => ({
		name, type, typeVersion: 1, position: [x, 0], parameters, ...extra,
	});
	const dealWon = (path: string) =>
		node('Deal won', 'n8n-nodes-base.webhook', 0, { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, { typeVersion: 2, webhookId: randomUUID() });
	const createLink = () =>
		node('Create payment link', `${PACKAGE_NAME}.imoje`, 220, {
			resource: 'paymentLink', operation: 'create', amount: '={{ $json.body.amount }}', currency: 'PLN', orderId: '={{ $json.body.orderId }}', ...customer,
			additionalFields: { title: 'Wait e2e', notifyWaitStep: true },
		}, { credentials });
	// imoje Wait for Payment is a node of its own (`imojeWait`), not an operation of the imoje node.
	const waitStep = (resource: 'paymentLink' | 'transaction', x: number, waitOptions: Obj = {}) =>
		node(WAIT, `${PACKAGE_NAME}.imojeWait`, x, {
			resource,
			...(resource === 'paymentLink'
				? { paymentId: { __rl: true, mode: 'id', value: "={{ $('Create payment link').item.json.id }}" } }
				: { transactionId: { __rl: true, mode: 'id', value: "={{ $('Create transaction').item.json.id }}" } }),
			waitOptions,
		}, { credentials, webhookId: randomUUID() });
	const chain = (nodes: WorkflowNode[]) =>
		Object.fromEntries(nodes.slice(0, -1).map((n, i) => [n.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]));
	const workflow = async (name: string, nodes: WorkflowNode[]): Promise<StoredWorkflow> => {
		const stored = await rig.client.createWorkflow({ name, nodes, connections: chain(nodes) });
		await rig.client.activateWorkflow(stored.id, stored.versionId);
		return stored;
	};
	const send = (x: number) => node('Send the link', 'n8n-nodes-base.noOp', x, {});
	const done = (x: number) => node('Done', 'n8n-nodes-base.noOp', x, {});

	// ---- runs -------------------------------------------------------------------------------------

	interface Started {
		orderId: string;
		executionId: string;
		/** The payment link's id (link flows) or the transaction's id. */
		id: string;
		notificationUrl: string;
	}

	/** Calls the deal-won webhook and finds the payment the run created, with its resume URL. */
	const start = async (path: string, orderId: string, amount = 2500): Promise<Started> => {
		const answer = await rig.post(`/webhook/${path}`, { orderId, amount });
		expect(answer.status).toBe(200);
		const made = await waitFor(() => {
			const all = [...Object.values(rig.sim.state.paymentLinks), ...Object.values(rig.sim.state.transactions)];
			return all.find((p) => p.orderId === orderId && p.notificationUrl);
		}, 30_000, `the payment of ${orderId}`);
		const executionId = executionIdOf(made.notificationUrl);
		expect(executionId).toBeDefined();
		return { orderId, executionId: executionId!, id: made.id, notificationUrl: made.notificationUrl };
	};
	const execution = async (id: string) => (await rig.client.execution(id)) as ExecutionDetail;
	const statusOf = async (id: string) => (await execution(id)).status;
	const waiting = async (run: Started) => await waitFor(async () => (await statusOf(run.executionId)) === 'waiting', 30_000, `${run.orderId} to wait`);
	/** Waits for the run to end; returns Wait for Payment's output item and the names of the nodes that ran. */
	const ended = async (run: Started, timeoutMs = 30_000) => {
		const detail = await waitFor(async () => {
			const d = await execution(run.executionId);
			return ['waiting', 'running', 'new'].includes(d.status) ? undefined : d;
		}, timeoutMs, `${run.orderId} to end`);
		const runs = detail.data.resultData.runData[WAIT] ?? [];
		const items = runs.map((r) => r.data?.main[0] ?? []).filter((list) => list.length > 0);
		expect(items).toHaveLength(1);
		expect(items[0]).toHaveLength(1);
		return { status: detail.status, out: items[0][0].json as Obj, ran: Object.keys(detail.data.resultData.runData), waitRuns: runs.length };
	};
	/** Still waiting a second later, and Wait for Payment has output nothing. */
	const stillWaiting = async (run: Started) => {
		await sleep(1000);
		const detail = await execution(run.executionId);
		expect(detail.status).toBe('waiting');
		expect(detail.data.resultData.runData.Done).toBeUndefined();
	};
	/** Every delivery attempt to this run's resume URL, oldest first. */
	const attempts = (run: Started): NotificationAttempt[] => rig.sim.notifications().filter((n) => n.url === run.notificationUrl);
	const answered = async (run: Started, count: number, what: string) =>
		await waitFor(() => {
			const list = attempts(run).filter((a) => a.status !== null);
			return list.length >= count ? list : undefined;
		}, 30_000, what);
	const okBody = (a: NotificationAttempt) => JSON.parse(a.responseBody ?? 'null');

	/** A notification body of this payment link, signed like imoje (or with another key). */
	const signed = (raw: string, key = rig.sim.config.shopKey) => ({
		'Content-Type': 'application/json; charset=UTF-8',
		'X-Imoje-Signature': `merchantid=${rig.sim.config.merchantId};serviceid=${rig.sim.config.serviceId};signature=${sign(raw, key, 'sha256')};alg=sha256`,
	});
	const linkNotification = (paymentId: string, orderId: string, type: 'sale' | 'refund', status: string) =>
		JSON.stringify({
			transaction: { id: randomUUID(), type, status, amount: 2500, currency: 'PLN', orderId, paymentMethod: 'blik', modified: Math.floor(Date.now() / 1000) },
			payment: { id: paymentId, status: type === 'refund' ? 'settled' : status, amount: 2500, currency: 'PLN', orderId },
		});
	const resumePath = (run: Started) => new URL(run.notificationUrl).pathname + new URL(run.notificationUrl).search;

	beforeAll(async () => {
		rig = await startWaitRig();
		const credential = await rig.client.createCredential({ name: 'imoje (wait e2e)', type: 'imojeApi', data: rig.credentialData() });
		credentials = { imojeApi: { id: credential.id, name: credential.name } };
		await workflow('e2e: deal won, wait for payment', [dealWon(paths.link), createLink(), send(440), waitStep('paymentLink', 660), done(880)]);
		await workflow('e2e: deal won, slow send, wait for payment', [
			dealWon(paths.slow), createLink(),
			node('Slow send', 'n8n-nodes-base.wait', 440, { resume: 'timeInterval', amount: 2, unit: 'seconds' }, { typeVersion: 1.1, webhookId: randomUUID() }),
			waitStep('paymentLink', 660), done(880),
		]);
		await workflow('e2e: deal won, wait one minute', [
			dealWon(paths.limit), createLink(), send(440), waitStep('paymentLink', 660, { limitType: 'afterInterval', limitAmount: 1, limitUnit: 'minutes' }), done(880),
		]);
		await workflow('e2e: BLIK order, wait for the transaction', [
			dealWon(paths.transaction),
			node('Create transaction', `${PACKAGE_NAME}.imoje`, 220, {
				resource: 'transaction', operation: 'create', amount: '={{ $json.body.amount }}', currency: 'PLN', orderId: '={{ $json.body.orderId }}',
				paymentMethod: 'blik', paymentMethodCode: 'blik', successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/fail',
				...customer, additionalFields: { notifyWaitStep: true },
			}, { credentials }),
			waitStep('transaction', 440), done(660),
		]);
		// imoje cannot reach n8n (no notification address): the documented fallback, a short time
		// limit whose timeLimit items loop back into Wait for Payment, each round a status check.
		const unreachable = [
			dealWon(paths.loop),
			node('Create payment link', `${PACKAGE_NAME}.imoje`, 220, {
				resource: 'paymentLink', operation: 'create', amount: '={{ $json.body.amount }}', currency: 'PLN', orderId: '={{ $json.body.orderId }}', ...customer,
				additionalFields: { title: 'Wait e2e, no notifications' },
			}, { credentials }),
			send(440),
			waitStep('paymentLink', 660, { limitType: 'afterInterval', limitAmount: 1, limitUnit: 'minutes' }),
			node('Time limit?', 'n8n-nodes-base.if', 880, {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
					conditions: [{ id: 'l1', leftValue: '={{ $json.ended }}', rightValue: 'timeLimit', operator: { type: 'string', operation: 'equals' } }],
					combinator: 'and',
				},
				options: {},
			}, { typeVersion: 2.2 }),
			done(1100),
		];
		const loopFlow = await rig.client.createWorkflow({
			name: 'e2e: imoje cannot reach n8n, check once a minute',
			nodes: unreachable,
			connections: {
				...chain(unreachable.slice(0, 5)),
				'Time limit?': { main: [[{ node: WAIT, type: 'main', index: 0 }], [{ node: 'Done', type: 'main', index: 0 }]] },
			},
		});
		await rig.client.activateWorkflow(loopFlow.id, loopFlow.versionId);
		loopRun = (async () => {
			expect((await rig.post(`/webhook/${paths.loop}`, { orderId: 'WAIT-LOOP', amount: 3100 })).status).toBe(200);
			const made = await waitFor(() => Object.values(rig.sim.state.paymentLinks).find((p) => p.orderId === 'WAIT-LOOP'), 30_000, 'the WAIT-LOOP link');
			expect(made.notificationUrl).toBeFalsy();
			return { workflowId: loopFlow.id, linkId: made.id };
		})();
		// The time-limit run starts first and waits while the other cases run.
		limitRun = (async () => {
			const run = await start(paths.limit, 'WAIT-LIMIT');
			await waiting(run);
			return { started: Date.now(), run };
		})();
		await limitRun;
	});

	afterAll(async () => {
		await rig?.stop();
	});

	it('waits; a pending notification is answered 200 {"status":"ok"} and it keeps waiting; settled resumes it with paid: true; a late call then gets 409', async () => {
		const run = await start(paths.link, 'WAIT-PAID');
		// n8n 1.x's resume address carries no token (2.x added `?signature=`); the step's signature check guards both.
		const token = n8nMajor() < 2 ? '' : '\\?signature=[0-9a-f]{20,}';
		expect(run.notificationUrl).toMatch(new RegExp(`^${rig.baseUrl}/webhook-waiting/${run.executionId}/imoje${token}$`));
		await waiting(run);

		rig.sim.payPayment(run.id, { status: 'pending' });
		const [pending] = await answered(run, 1, 'the pending notification to be answered');
		expect([pending.status, okBody(pending)]).toEqual([200, { status: 'ok' }]);
		await stillWaiting(run);

		const trx = rig.sim.settlePayment(run.id);
		const result = await ended(run);
		expect(result.status).toBe('success');
		expect(result.out).toMatchObject({
			paid: true, ended: 'notification', status: 'settled', amount: 2500, currency: 'PLN', orderId: 'WAIT-PAID',
			paymentId: run.id, transactionId: trx.id, wait: { for: 'paymentLink', id: run.id },
			notification: { transaction: { id: trx.id, status: 'settled' }, payment: { id: run.id } },
		});
		expect(result.ran).toContain('Done');
		// The call that resumed it is answered like any other: 200 {"status":"ok"}, so imoje stops.
		const [, resuming] = await answered(run, 2, 'the settled notification to be answered');
		expect([resuming.status, okBody(resuming)]).toEqual([200, { status: 'ok' }]);
		expect(attempts(run)).toHaveLength(2);

		// imoje would send the same notification again (a retry that crossed our 200, a refund later):
		// the execution has ended, so n8n answers 409 itself and imoje keeps retrying.
		rig.sim.notifyPayment(run.id);
		const [, , late] = await answered(run, 3, 'the late call to be answered');
		expect(late.status).toBe(409);
		expect(late.responseBody).toMatch(/finished/);
		expect(rig.sim.deliveries().filter((d) => d.url === run.notificationUrl).pop()?.state).toBe('retrying');
	});

	it('refuses a forged call (401) and a wrong resume token (401), answers 200 to another payment and a refund, and keeps waiting; cancelled -> paid: false', async () => {
		const run = await start(paths.link, 'WAIT-FORGED');
		await waiting(run);
		const settledRaw = linkNotification(run.id, run.orderId, 'sale', 'settled');

		const forged = await rig.post(resumePath(run), settledRaw, signed(settledRaw, 'not-the-shop-key'));
		expect(forged.status).toBe(401);
		expect(forged.json).toMatchObject({ status: 'error' });
		const unsigned = await rig.post(resumePath(run), settledRaw, { 'Content-Type': 'application/json' });
		expect(unsigned.status).toBe(401);
		// A wrong resume token is refused by n8n itself, before the node sees the call (n8n 2.x; 1.x has no token).
		if (n8nMajor() >= 2) {
			const wrongToken = resumePath(run).replace(/signature=[^&]+/, (s) => `signature=${'0'.repeat(s.length - 'signature='.length)}`);
			const byN8n = await rig.post(wrongToken, settledRaw, signed(settledRaw));
			expect([byN8n.status, byN8n.json]).toEqual([401, { error: 'Invalid token' }]);
		}

		const otherRaw = linkNotification(randomUUID(), 'SOMEONE-ELSE', 'sale', 'settled');
		const other = await rig.post(resumePath(run), otherRaw, signed(otherRaw));
		expect([other.status, other.json]).toEqual([200, { status: 'ok' }]);
		const refundRaw = linkNotification(run.id, run.orderId, 'refund', 'settled');
		const refund = await rig.post(resumePath(run), refundRaw, signed(refundRaw));
		expect([refund.status, refund.json]).toEqual([200, { status: 'ok' }]);
		await stillWaiting(run);

		rig.sim.cancelPayment(run.id);
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: false, ended: 'notification', status: 'cancelled', paymentId: run.id, orderId: run.orderId, wait: { for: 'paymentLink', id: run.id } });
		expect(result.out.notification).toEqual({ payment: expect.objectContaining({ id: run.id, status: 'cancelled' }) });
		expect(result.ran).toContain('Done');
	});

	it('link expired -> paid: false', async () => {
		const run = await start(paths.link, 'WAIT-EXPIRED');
		await waiting(run);
		rig.sim.expirePayment(run.id);
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: false, ended: 'notification', status: 'cancelled', paymentId: run.id });
		expect(Object.keys(result.out.notification)).toEqual(['payment']);
	});

	it('payment rejected -> paid: false', async () => {
		const run = await start(paths.link, 'WAIT-REJECTED');
		await waiting(run);
		const trx = rig.sim.payPayment(run.id, { status: 'rejected' });
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: false, ended: 'notification', status: 'rejected', paymentId: run.id, transactionId: trx.id });
	});

	it('paid while a slow step runs before the wait: n8n answers 409, and the status check finds it settled (ended: statusCheck, no wait)', async () => {
		const run = await start(paths.slow, 'WAIT-FAST-PAYER');
		rig.sim.settlePayment(run.id);
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: true, ended: 'statusCheck', status: 'settled', paymentId: run.id, statusCheck: expect.any(Object) });
		expect(result.waitRuns).toBe(1);
		const endedAt = Date.now();
		// While the slow step runs, n8n answers 409 ("running"); once the execution has ended, 409 ("finished").
		const list = await waitFor(() => {
			const all = attempts(run).filter((a) => a.status !== null);
			return all.some((a) => a.at > endedAt) ? all : undefined;
		}, 30_000, 'a retry after the end');
		expect(list.every((a) => a.status === 409)).toBe(true);
		expect(list[0].responseBody).toMatch(/running/);
		expect(list[list.length - 1].responseBody).toMatch(/finished/);
	});

	it('a pending notification that reaches n8n while the execution still runs gets 409, is retried, and the waiting step takes it; settled then resumes', async () => {
		const run = await start(paths.slow, 'WAIT-EARLY-PENDING');
		rig.sim.payPayment(run.id, { status: 'pending' });
		await waiting(run);
		const list = await waitFor(() => {
			const all = attempts(run);
			return all.some((a) => a.status === 200) ? all : undefined;
		}, 30_000, 'a retry to reach the waiting step');
		expect(list[0].status).toBe(409);
		expect(list.filter((a) => a.status === 200)).toHaveLength(1);
		expect(new Set(list.map((a) => a.deliveryId)).size).toBe(1); // one delivery, retried
		await stillWaiting(run);

		rig.sim.settlePayment(run.id);
		expect((await ended(run)).out).toMatchObject({ paid: true, ended: 'notification', status: 'settled' });
	});

	it('settled between the status check and the wait (the check\'s answer still in transit): 409, retried, resumed with paid: true', async () => {
		rig.sim.setFault({ lateAnswerMs: 2500, pathPrefix: '/payment/', count: 1 });
		const run = await start(paths.link, 'WAIT-RACE');
		await waitFor(() => rig.sim.faults.holding === 1, 30_000, 'the status check to be answered late');
		rig.sim.settlePayment(run.id);
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: true, ended: 'notification', status: 'settled', paymentId: run.id });
		const list = attempts(run);
		expect(list[0].status).toBe(409);
		expect(list.filter((a) => a.status === 200)).toHaveLength(1);
	});

	it('Transaction › Wait for Payment: the pending notification after create is retried until the step waits (200), settled -> paid: true', async () => {
		const run = await start(paths.transaction, 'WAIT-TRX', 4200);
		await waiting(run);
		const list = await waitFor(() => (attempts(run).some((a) => a.status === 200) ? attempts(run) : undefined), 30_000, 'the pending notification to reach the waiting step');
		expect(list[0].payload?.transaction).toMatchObject({ id: run.id, status: 'pending' });
		await stillWaiting(run);

		rig.sim.setTransactionStatus(run.id, 'settled');
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: true, ended: 'notification', status: 'settled', transactionId: run.id, amount: 4200, orderId: 'WAIT-TRX', wait: { for: 'transaction', id: run.id } });
	});

	it('time limit of one minute: resumed by n8n with paid: false, ended: timeLimit', async () => {
		const { started, run } = await limitRun;
		const result = await ended(run, 150_000);
		const waitedSeconds = (Date.now() - started) / 1000;
		expect(result.out).toMatchObject({ paid: false, ended: 'timeLimit', reason: 'time limit', status: 'new', paymentId: run.id, wait: { for: 'paymentLink', id: run.id } });
		expect(waitedSeconds).toBeGreaterThan(50);
		expect(result.ran).toContain('Done');
		// Like every other ending, the item says which payment it is about (issue 15, item 6).
		expect({ amount: result.out.amount, currency: result.out.currency, orderId: result.out.orderId }).toEqual({ amount: 2500, currency: 'PLN', orderId: 'WAIT-LIMIT' });
	});

	it('imoje cannot reach n8n: a one-minute time limit looped back into Wait for Payment finds the link paid at the next round\'s status check', async () => {
		const { workflowId, linkId } = await loopRun;
		// Paid while nothing can tell n8n: the simulator has no address to notify.
		rig.sim.settlePayment(linkId);
		const detail = await waitFor(async () => {
			const [last] = await rig.client.executions(workflowId);
			return last && !['waiting', 'running', 'new'].includes(last.status) ? ((await rig.client.execution(last.id)) as ExecutionDetail) : undefined;
		}, 200_000, 'the looping run to end');
		const rounds = (detail.data.resultData.runData[WAIT] ?? []).map((r) => r.data?.main[0]?.[0]?.json as Obj | undefined).filter(Boolean) as Obj[];
		// One round or more ran into the limit (depending on when the payer paid), the last found it paid.
		expect(rounds.length).toBeGreaterThanOrEqual(2);
		expect(rounds.slice(0, -1).every((r) => r.ended === 'timeLimit' && r.paid === false)).toBe(true);
		expect(rounds.at(-1)).toMatchObject({ ended: 'statusCheck', paid: true, status: 'settled', paymentId: linkId, orderId: 'WAIT-LOOP' });
		expect(Object.keys(detail.data.resultData.runData)).toContain('Done');
	});

	it('n8n restarted while waiting: the execution still waits and resumes on the notification', async () => {
		const run = await start(paths.link, 'WAIT-RESTART');
		await waiting(run);
		await rig.restartN8n();
		expect(await statusOf(run.executionId)).toBe('waiting');
		rig.sim.settlePayment(run.id);
		const result = await ended(run);
		expect(result.out).toMatchObject({ paid: true, ended: 'notification', status: 'settled', paymentId: run.id });
	});
});

// The imoje Trigger in an active workflow of a real n8n: n8n's own answer after storing,
// forged, filtered, simultaneous and resent notifications, and the editor's Test URL.
import { randomUUID } from 'node:crypto';

import { sign } from '../../tools/imoje-sim';
import {
	e2eClient,
	e2eInfo,
	PACKAGE_NAME,
	postWebhook,
	simCredentialData,
	simPaymentLink,
	simRequest,
	sleep,
	triggerWebhookPath,
	type N8nClient,
	type SimInfo,
	type StoredWorkflow,
} from './harness';

jest.setTimeout(180_000);

describe('imoje Trigger in a real n8n', () => {
	let sim: SimInfo;
	let client: N8nClient;
	let workflow: StoredWorkflow;
	let webhookId: string;

	const signed = (raw: string, key = sim.shopKey) => ({
		'Content-Type': 'application/json; charset=UTF-8',
		'X-Imoje-Signature': `merchantid=${sim.merchantId};serviceid=${sim.serviceId};signature=${sign(raw, key, 'sha256')};alg=sha256`,
	});
	const notification = (id: string, status: string) => {
		const modified = Math.floor(Date.now() / 1000);
		return JSON.stringify({
			transaction: { id, type: 'sale', status, amount: 2500, currency: 'PLN', orderId: `E2E-TRG-${id.slice(0, 8)}`, paymentMethod: 'blik', modified },
			payment: { id: randomUUID(), status, modified },
		});
	};
	const executionCount = async () => (await client.executions(workflow.id)).length;
	const post = async (raw: string, key?: string) => await postWebhook(triggerWebhookPath(webhookId), raw, signed(raw, key));

	beforeAll(async () => {
		sim = e2eInfo().sim!;
		client = await e2eClient();
		const credential = await client.createCredential({ name: 'imoje (trigger e2e)', type: 'imojeApi', data: simCredentialData() });
		webhookId = randomUUID();
		workflow = await client.createWorkflow({
			name: 'e2e: trigger, settled only',
			nodes: [
				{
					name: 'imoje Trigger',
					type: `${PACKAGE_NAME}.imojeTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { statuses: ['settled'] },
					webhookId,
					credentials: { imojeApi: { id: credential.id, name: credential.name } },
				},
			],
		});
		await client.activateWorkflow(workflow.id, workflow.versionId);
	});

	it('n8n answers a signed notification 200 with exactly {"status":"ok"} as JSON, and has stored exactly one execution with it', async () => {
		const id = randomUUID();
		const answer = await post(notification(id, 'settled'));
		expect([answer.status, answer.text, answer.headers['content-type']]).toEqual([200, '{"status":"ok"}', 'application/json; charset=utf-8']);

		// The answer comes after n8n stored the execution: it is listed at once.
		const [execution] = await client.executions(workflow.id);
		expect(execution).toBeDefined();
		// Its output is there once the run has ended (the trigger's first step records the notification).
		await client.waitForExecutions(workflow.id, 1);
		const detail = await client.execution(execution.id);
		const out = detail.data.resultData.runData['imoje Trigger'][0].data?.main[0]?.[0]?.json;
		expect(out).toMatchObject({ event: 'paymentStatus', status: 'settled', transactionId: id, amount: 2500, currency: 'PLN', transaction: { id } });
		expect(String(out?.notificationKey)).toContain(id);
		expect(await executionCount()).toBe(1);
	});

	it('forged, unsigned and filtered notifications start nothing: 401, 401, 200 {"status":"ok"}', async () => {
		const before = await executionCount();
		const raw = notification(randomUUID(), 'settled');
		const forged = await post(raw, 'not-the-shop-key');
		const unsigned = await postWebhook(triggerWebhookPath(webhookId), raw, { 'Content-Type': 'application/json' });
		const filtered = await post(notification(randomUUID(), 'rejected'));

		expect([forged.status, unsigned.status, filtered.status]).toEqual([401, 401, 200]);
		expect([filtered.text, filtered.headers['content-type']]).toEqual(['{"status":"ok"}', 'application/json; charset=utf-8']);
		await sleep(1500);
		expect(await executionCount()).toBe(before);
	});

	it('20 simultaneous copies of one notification: twenty 200 {"status":"ok"}, one execution; a record is saved with the workflow', async () => {
		const before = await executionCount();
		const raw = notification(randomUUID(), 'settled');
		const answers = await Promise.all(Array.from({ length: 20 }, () => post(raw)));
		expect(answers.map((a) => `${a.status} ${a.text}`)).toEqual(Array(20).fill('200 {"status":"ok"}'));
		await sleep(1500);
		expect(await executionCount()).toBe(before + 1);
		// What survives a restart: n8n saved the node's static data with the fingerprints.
		// Two notifications were accepted so far in this file, yet n8n 2.38.7 keeps only the first one's
		// fingerprint (8 characters): see docs/deduplication.md, "After a restart".
		const stored = (await client.getWorkflow(workflow.id)) as unknown as { staticData?: Record<string, { recentNotifications?: Record<string, string> }> };
		expect(Object.values(stored.staticData?.['node:imoje Trigger']?.recentNotifications ?? {}).join('').length).toBeGreaterThanOrEqual(8);
	});

	it("the simulator's retries and a later resend of one notification start one execution", async () => {
		await client.deactivateWorkflow(workflow.id);
		const paymentId = await simPaymentLink({ orderId: 'E2E-TRG-RETRY', amount: 3100, triggerWebhookId: webhookId });
		const before = await executionCount();
		await simRequest('POST', `/_sim/payments/${paymentId}/settle`);
		// While the workflow is off n8n answers 404, so the simulator keeps retrying.
		await sleep(400);
		const current = await client.getWorkflow(workflow.id);
		await client.activateWorkflow(workflow.id, current.versionId);

		await client.waitForExecutions(workflow.id, before + 1);
		const resent = await simRequest('POST', '/_sim/notifications/resend-last');
		expect(resent.status).toBe(200);
		await sleep(1500);

		const log = await simRequest<{ notifications: Array<{ url: string; status?: number; body?: string; payload?: { transaction?: { orderId?: string } } }> }>('GET', '/_sim/notifications');
		const attempts = log.body.notifications.filter((n) => JSON.stringify(n).includes('E2E-TRG-RETRY'));
		expect(attempts.some((n) => n.status !== 200)).toBe(true);
		expect(attempts.filter((n) => n.status === 200).length).toBeGreaterThanOrEqual(2);
		expect(await executionCount()).toBe(before + 1);
	});

	describe('"Listen for test event": the Test URL', () => {
		const listen = async () =>
			await client.request('POST', `/rest/workflows/${workflow.id}/run`, { body: { triggerToStartFrom: { name: 'imoje Trigger' } } });
		const postTest = async (raw: string, key?: string) => await postWebhook(`/webhook-test/${triggerWebhookPath(webhookId)}`, raw, signed(raw, key));
		const manualRuns = async () => (await client.executions(workflow.id)).filter((e) => e.mode === 'manual');
		// A test execution is listed when it starts and finished a moment later.
		const nextFinishedTestRun = async (before: number) => {
			for (let tries = 0; tries < 40; tries++) {
				const runs = await manualRuns();
				if (runs.length > before && !['new', 'running'].includes(runs[0].status)) return runs;
				await sleep(250);
			}
			return await manualRuns();
		};

		it('a notification sent to the Test URL is answered like production and shown as a test execution', async () => {
			expect(await listen()).toMatchObject({ waitingForWebhook: true });
			const before = (await manualRuns()).length;
			const id = randomUUID();
			const answer = await postTest(notification(id, 'settled'));
			expect([answer.status, answer.text]).toEqual([200, '{"status":"ok"}']);
			const [run] = await nextFinishedTestRun(before);
			const detail = await client.execution(run.id);
			expect(detail.data.resultData.runData['imoje Trigger'][0].data?.main[0]?.[0]?.json).toMatchObject({ transactionId: id });
		});

		it('a forged one is refused, and the test execution shows why', async () => {
			const before = (await manualRuns()).length;
			await listen();
			const answer = await postTest(notification(randomUUID(), 'settled'), 'not-the-shop-key');
			expect(answer.status).toBeGreaterThanOrEqual(400);
			const runs = await nextFinishedTestRun(before);
			expect(runs.length).toBe(before + 1);
			const detail = await client.execution(runs[0].id);
			expect(JSON.stringify(detail.data.resultData.error ?? detail.data.resultData.runData)).toContain('imoje notification refused: signature check failed: bad-signature');
		});
	});
});

// The imoje Trigger in an active workflow of a real n8n: signed, forged, filtered,
// retried and resent notifications, checked by HTTP answer and by executions started.
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
	const notification = (id: string, status: string) =>
		JSON.stringify({
			transaction: { id, type: 'sale', status, amount: 2500, currency: 'PLN', orderId: `E2E-TRG-${id.slice(0, 8)}`, paymentMethod: 'blik', modified: 1767225600 },
			payment: { id: randomUUID(), status },
		});
	const executionCount = async () => (await client.executions(workflow.id)).length;

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

	it('a signed notification is answered 200 {"status":"ok"} and starts exactly one execution with the notification', async () => {
		const id = randomUUID();
		const raw = notification(id, 'settled');
		const answer = await postWebhook(triggerWebhookPath(webhookId), raw, signed(raw));
		expect([answer.status, JSON.parse(answer.text)]).toEqual([200, { status: 'ok' }]);

		const [execution] = await client.waitForExecutions(workflow.id, 1);
		const detail = await client.execution(execution.id);
		const out = detail.data.resultData.runData['imoje Trigger'][0].data?.main[0]?.[0]?.json;
		expect(out).toMatchObject({ event: 'paymentStatus', status: 'settled', transactionId: id, amount: 2500, currency: 'PLN', transaction: { id } });
		expect(await executionCount()).toBe(1);
	});

	it('forged, unsigned and filtered notifications start nothing: 401, 401, 200 {"status":"ok"}', async () => {
		const before = await executionCount();
		const raw = notification(randomUUID(), 'settled');
		const forged = await postWebhook(triggerWebhookPath(webhookId), raw, signed(raw, 'not-the-shop-key'));
		const unsigned = await postWebhook(triggerWebhookPath(webhookId), raw, { 'Content-Type': 'application/json' });
		const rejectedRaw = notification(randomUUID(), 'rejected');
		const filtered = await postWebhook(triggerWebhookPath(webhookId), rejectedRaw, signed(rejectedRaw));

		expect([forged.status, unsigned.status, filtered.status]).toEqual([401, 401, 200]);
		expect(JSON.parse(filtered.text)).toEqual({ status: 'ok' });
		await sleep(1500);
		expect(await executionCount()).toBe(before);
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
});

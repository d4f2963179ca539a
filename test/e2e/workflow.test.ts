// Workflows using the imoje nodes, run by a REAL n8n against the imoje simulator:
// the action node from n8n's CLI (`n8n execute`), and the trigger through a
// published workflow's production webhook, the way imoje reaches it.
import { randomUUID } from 'node:crypto';

import {
	e2eCli,
	e2eClient,
	e2eInfo,
	PACKAGE_NAME,
	publicWebhookUrl,
	simCredentialData,
	simPaymentLink,
	simRequest,
	triggerWebhookPath,
	type SimInfo,
} from './harness';

// jest.config.js sets testTimeout on the e2e project, but Jest 30 applies it only at the root.
jest.setTimeout(180_000);

describe('imoje workflows in a real n8n', () => {
	let sim: SimInfo;

	beforeAll(() => {
		const info = e2eInfo().sim;
		if (!info) throw new Error('the e2e global setup did not start the imoje simulator');
		sim = info;
	});

	it('runs the imoje node from the n8n CLI and reads the shop from the simulator', async () => {
		const cli = e2eCli();
		const [credentialId] = await cli.importCredentials({ name: 'imoje (cli)', type: 'imojeApi', data: simCredentialData() });
		const workflowId = await cli.importWorkflow({
			name: 'e2e: get shop',
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name: 'Get shop',
					type: `${PACKAGE_NAME}.imoje`,
					typeVersion: 1,
					position: [220, 0],
					parameters: { resource: 'shop', operation: 'get' },
					credentials: { imojeApi: { id: credentialId, name: 'imoje (cli)' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Get shop', type: 'main', index: 0 }]] } },
		});

		const run = await cli.executeWorkflow(workflowId);

		expect(run.status).toBe('success');
		const item = run.data.resultData.runData['Get shop'][0].data?.main[0]?.[0]?.json;
		expect(item).toBeDefined();
		const shop = (item?.service ?? item) as { id?: string; paymentMethods?: unknown[] };
		expect(shop.id).toBe(sim.serviceId);
		expect(Array.isArray(shop.paymentMethods)).toBe(true);
	});

	it('starts a published imoje Trigger workflow when the simulator settles a payment', async () => {
		const client = await e2eClient();
		const credential = await client.createCredential({ name: 'imoje (trigger)', type: 'imojeApi', data: simCredentialData() });
		const webhookId = randomUUID();
		const workflow = await client.createWorkflow({
			name: 'e2e: payment notifications',
			nodes: [
				{
					name: 'imoje Trigger',
					type: `${PACKAGE_NAME}.imojeTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
					webhookId,
					credentials: { imojeApi: { id: credential.id, name: credential.name } },
				},
			],
		});
		const published = await client.activateWorkflow(workflow.id, workflow.versionId);
		expect(published.active).toBe(true);

		const notificationUrl = publicWebhookUrl(triggerWebhookPath(webhookId));
		const paymentId = await simPaymentLink({ orderId: 'E2E-ORDER-1', amount: 1999, triggerWebhookId: webhookId });

		const settled = await simRequest('POST', `/_sim/payments/${paymentId}/settle`);
		expect(settled.status).toBe(200);

		const [execution] = await client.waitForExecutions(workflow.id, 1);
		expect(execution.mode).toBe('webhook');
		expect(execution.status).toBe('success');
		const detail = await client.execution(execution.id);
		const out = detail.data.resultData.runData['imoje Trigger'][0].data?.main[0]?.[0]?.json;
		expect(out).toMatchObject({ status: 'settled', paymentId, orderId: 'E2E-ORDER-1', amount: 1999, currency: 'PLN' });

		// imoje counts a delivery as done only on HTTP 200 (body {"status":"ok"}).
		const log = await simRequest<{ notifications: Array<{ url: string; status?: number; deliveredTo?: string }> }>('GET', '/_sim/notifications');
		const ours = log.body.notifications.filter((n) => n.url === notificationUrl);
		expect(ours.length).toBeGreaterThanOrEqual(1);
		expect(ours.every((n) => n.status === 200)).toBe(true);
	});
});

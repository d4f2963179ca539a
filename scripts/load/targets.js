// The two workflows the load tests send to, created and published through n8n's REST
// API like a user would: an imoje Trigger with a credential holding the test shop's key,
// and a plain n8n Webhook node answering imoje's `{"status":"ok"}` as the baseline.
const crypto = require('node:crypto');
const { PACKAGE_NAME } = require('../../test/e2e/harness/n8n');
const { OK_BODY } = require('./sender');

const TRIGGER_TYPE = `${PACKAGE_NAME}.imojeTrigger`;
const STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

/** The trigger's newest version and webhook path, as the running n8n describes it. */
async function triggerType(client) {
	const types = (await client.nodeTypes()).filter((t) => t.name === TRIGGER_TYPE);
	if (types.length === 0) throw new Error(`${TRIGGER_TYPE} is not loaded in this n8n: is the package built?`);
	const version = Math.max(...types.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version])));
	const hook = (types[0].webhooks || [])[0] || {};
	return { version, path: typeof hook.path === 'string' && !hook.path.startsWith('=') ? hook.path : 'imoje' };
}

/** An `imojeApi` credential for `shop` (the trigger needs only the ids and the Shop key). */
async function createShopCredential(client, shop) {
	return await client.createCredential({
		name: `imoje load shop ${shop.serviceId.slice(0, 8)}`,
		type: 'imojeApi',
		data: { environment: 'sandbox', merchantId: shop.merchantId, serviceId: shop.serviceId, authorizationToken: 'not-used-by-the-trigger', shopSecretKey: shop.shopKey },
	});
}

/** Creates and publishes the imoje Trigger workflow; `{ workflowId, path }` (path under /webhook/). */
async function createTriggerWorkflow(client, shop, { parameters = {}, name = 'load: imoje Trigger' } = {}) {
	const type = await triggerType(client);
	const credential = await createShopCredential(client, shop);
	const webhookId = crypto.randomUUID();
	const wf = await client.createWorkflow({
		name,
		nodes: [
			{
				name: 'imoje Trigger',
				type: TRIGGER_TYPE,
				typeVersion: type.version,
				position: [0, 0],
				parameters,
				webhookId,
				credentials: { imojeApi: { id: credential.id, name: credential.name } },
			},
		],
	});
	await client.activateWorkflow(wf.id, wf.versionId);
	return { name: 'trigger', workflowId: wf.id, path: `${webhookId}/${type.path}` };
}

/**
 * Creates and publishes a Webhook node workflow answering `{"status":"ok"}` once the execution is
 * stored. With `expression`, one option is written as an expression giving the same value: n8n
 * 2.38.7 then takes an expression isolate for the webhook phase
 * (LiveWebhooks.webhookPhaseNeedsIsolate), as it does for every trigger other than a static Webhook node, the
 * imoje Trigger included. The same node both ways shows what that costs.
 */
async function createWebhookWorkflow(client, { expression = false } = {}) {
	const path = `load-${crypto.randomBytes(6).toString('hex')}`;
	const options = { responseData: OK_BODY, ...(expression ? { ignoreBots: '={{ false }}' } : {}) };
	const wf = await client.createWorkflow({
		name: expression ? 'load: Webhook node with an expression' : 'load: plain Webhook node',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				// onReceived answers after n8n has created the execution row (executeWebhook,
				// `shouldDeferOnReceivedResponse`), with this body.
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options },
				webhookId: crypto.randomUUID(),
			},
		],
	});
	await client.activateWorkflow(wf.id, wf.versionId);
	return { name: expression ? 'webhook-expr' : 'webhook', workflowId: wf.id, path };
}

/**
 * Executions of a workflow n8n knows of, per the REST API: `{ total, current }` (current = new
 * or running). With `since` (ms), a new or running execution started before it is not current:
 * after a SIGKILL, n8n 2.38.7 can leave one marked running for good.
 */
async function restCounts(client, workflowId, { since = 0 } = {}) {
	const list = async (status, limit) => await client.request('GET', '/rest/executions', { query: { filter: { workflowId, status }, limit } });
	const [all, busy] = await Promise.all([list(STATUSES, '1'), list(['new', 'running'], '200')]);
	const current = since ? busy.results.filter((e) => !e.startedAt || Date.parse(e.startedAt) >= since).length : busy.count;
	return { total: all.count, current };
}

/**
 * Waits until no execution of these workflows is new or running and their count has not
 * moved for `quietMs`: an answer can come before its execution is created (the old trigger)
 * or before it ends, and the figures must include it. `since`: see restCounts.
 */
async function settle(client, workflowIds, { quietMs = 2500, timeoutMs = 600000, since = 0 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let changedAt = Date.now();
	for (;;) {
		const counts = await Promise.all(workflowIds.map((id) => restCounts(client, id, { since })));
		const key = JSON.stringify(counts);
		const busy = counts.some((c) => c.current > 0);
		if (key !== last || busy) {
			last = key;
			changedAt = Date.now();
		} else if (Date.now() - changedAt >= quietMs) {
			return counts;
		}
		if (Date.now() > deadline) throw new Error(`executions still running after ${timeoutMs / 1000} s: ${key}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

module.exports = { createTriggerWorkflow, createWebhookWorkflow, createShopCredential, restCounts, settle, TRIGGER_TYPE };

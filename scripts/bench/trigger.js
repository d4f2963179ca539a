// (2) The imoje Trigger against n8n's Webhook node, plain and with one option as an
// expression: COUNT distinct signed notifications sent at CONCURRENCY in flight; successful
// executions per second, from the first request sent to the last execution finished. n8n
// 2.38.7 takes an expression isolate for the webhook phase of every trigger but its own
// Webhook node with static parameters (LiveWebhooks.webhookPhaseNeedsIsolate), so the Webhook
// node with an expression is the floor the trigger is measured against.
const { signedNotification, sendAll } = require('./notifications');
const { fmt } = require('./stats');

const MERCHANT = 'mrcbench0001';
const SHOP = '63f2c5a0-2b1e-4f7e-9d35-7c1a2b3c4d5e';
const SHOP_KEY = 'bench-shop-key-0123456789';

function single(name, node) {
	return { name, nodes: [{ id: 'n', position: [0, 0], ...node }], connections: {}, settings: { executionOrder: 'v1' } };
}

async function measure(session, flow, requests, concurrency) {
	const started = Date.now();
	const statuses = await sendAll(requests, concurrency, (r) => session.postWebhook(flow.path, r.body, r.headers));
	const answered = Date.now();
	const bad = statuses.filter((s) => s !== 200).length;
	if (bad) {
		const histogram = {};
		for (const s of statuses) histogram[s] = (histogram[s] || 0) + 1;
		throw new Error(`${flow.label}: ${bad} of ${requests.length} requests were not answered 200 (statuses ${JSON.stringify(histogram)}; 0 = no answer)`);
	}
	const done = await session.waitForSuccesses(flow.id, requests.length);
	const lastStop = Math.max(...done.map((e) => new Date(e.stoppedAt).getTime()));
	const seconds = (Math.max(lastStop, answered) - started) / 1000;
	return { perSecond: requests.length / seconds, seconds, answeredPerSecond: requests.length / ((answered - started) / 1000) };
}

async function benchTrigger(session, { count = 500, concurrency = 50 } = {}) {
	const cred = await session.client.createCredential({
		name: 'imoje trigger bench',
		type: 'imojeApi',
		data: { environment: 'custom', baseUrl: 'http://127.0.0.1:9/v1/merchant', merchantId: MERCHANT, serviceId: SHOP, authorizationToken: 'unused', shopSecretKey: SHOP_KEY },
	});
	const triggerId = 'b3c1f0de-0000-4000-8000-00000000be01';
	const flows = [
		{
			label: 'imoje Trigger',
			path: `${triggerId}/imoje`,
			workflow: single('bench: imoje Trigger', {
				name: 'imoje Trigger', type: 'n8n-nodes-imoje.imojeTrigger', typeVersion: 1, webhookId: triggerId,
				credentials: { imojeApi: { id: cred.id, name: 'imoje trigger bench' } }, parameters: {},
			}),
			requests: Array.from({ length: count }, (_, i) => {
				const n = signedNotification(i, { merchantId: MERCHANT, serviceId: SHOP, shopKey: SHOP_KEY });
				return { body: n.body, headers: { 'X-Imoje-Signature': n.header } };
			}),
		},
		...[
			['Webhook node', 'bench-plain-webhook', {}],
			['Webhook + expr', 'bench-expression-webhook', { ignoreBots: '={{ false }}' }],
		].map(([label, path, options], k) => ({
			label,
			path,
			workflow: single(`bench: ${label}`, {
				name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: path,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options },
			}),
			// The same kind of bodies (signed the same way; the Webhook node ignores the header).
			requests: Array.from({ length: count }, (_, i) => {
				const n = signedNotification((k + 1) * count + i, { merchantId: MERCHANT, serviceId: SHOP, shopKey: SHOP_KEY });
				return { body: n.body, headers: { 'X-Imoje-Signature': n.header } };
			}),
		})),
	];
	for (const f of flows) f.id = await session.deploy(f.workflow);
	console.log(`\n(2) ${fmt(count)} distinct signed notifications at concurrency ${concurrency}: imoje Trigger vs Webhook node, plain and with one expression`);
	const results = {};
	for (const f of flows) {
		const r = await measure(session, f, f.requests, concurrency);
		results[f.label] = r;
		console.log(`  ${f.label.padEnd(14)} ${fmt(r.perSecond, 1).padStart(7)} successful executions/s  (${r.seconds.toFixed(2)} s; answered ${fmt(r.answeredPerSecond, 0)} requests/s)`);
	}
	const ratio = results['imoje Trigger'].perSecond / results['Webhook node'].perSecond;
	const floorRatio = results['imoje Trigger'].perSecond / results['Webhook + expr'].perSecond;
	console.log(`  ratio imoje Trigger / Webhook node (executions/s): ${ratio.toFixed(2)}x`);
	console.log(`  ratio imoje Trigger / Webhook + expr, the same isolate per request (executions/s): ${floorRatio.toFixed(2)}x`);
	return { ratio, floorRatio };
}

module.exports = { benchTrigger };

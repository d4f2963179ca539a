// Wait for Payment under load (issue 15), for `npm run test:load -- --waits N` and for
// `npm run test:queue`: N executions of one workflow (Webhook -> imoje Payment Link › Create
// -> "Send the link" -> imoje Wait for Payment (payment link) -> "Mark paid"), each for its own
// payment link in the imoje simulator (tools/imoje-sim, so the step's status check before
// waiting finds each link `new`), all waiting at once; then imoje's signed "settled"
// notification of each link to its execution's resume URL, at a fixed concurrency, each sent
// three times as imoje's retries would (twice at once, once more shortly after).
//
// The resume URL: the link's notificationUrl as Create set it (Additional Fields › Notify Wait
// for Payment Step, read back from the simulator), or, with `viaCreate: false`, the
// `$execution.resumeUrl` the "Send the link" node outputs, with `/imoje` put before its `?`.
// Either way only its path and query are used: the calls go to the n8n process given.
const crypto = require('node:crypto');
const http = require('node:http');
const { PACKAGE_NAME } = require('../../test/e2e/harness/n8n');
const { createSimulator } = require('../../tools/imoje-sim');
const { linkNotification } = require('./notifications');
const { post, sendAll } = require('./sender');
const { waitFigures, COPIES } = require('./waitReport');

const NODE_TYPE = `${PACKAGE_NAME}.imoje`;
/** Wait for Payment is a node of its own (docs/wait-for-payment.md), not an operation of the imoje node. */
const WAIT_TYPE = `${PACKAGE_NAME}.imojeWait`;
const LINK_NODE = 'Send the link';
const WAIT_NODE = 'Wait for Payment';
const AFTER_NODE = 'Mark paid';
/** n8n's name for the waiting-webhook path segment (N8N_ENDPOINT_WEBHOOK_WAIT's default). */
const WAITING_SEGMENT = '/webhook-waiting/';
const AMOUNT = 2500;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (msg) => process.stderr.write(`[waits ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** Newest version of each node type n8n loaded, by name. */
async function versions(client, names) {
	const types = await client.nodeTypes();
	const out = {};
	for (const name of names) {
		const of = types.filter((t) => t.name === name);
		if (of.length === 0) {
			throw new Error(
				name === WAIT_TYPE ? `${WAIT_TYPE} (imoje Wait for Payment, issue 15) is not loaded in this n8n: merge main and build` : `${name} is not loaded in this n8n: is the package built?`,
			);
		}
		out[name] = Math.max(...of.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version])));
	}
	return out;
}

/** The simulator with this run's shop; `stop()` ends it. */
async function startSimulator(shop) {
	const sim = createSimulator({ port: 0, merchantId: shop.merchantId, serviceId: shop.serviceId, token: crypto.randomBytes(16).toString('hex'), shopKey: shop.shopKey });
	await sim.start();
	return sim;
}

/** The workflow, its credential pointing at the simulator (Custom Base URL). */
function waitWorkflow({ version, waitVersion, credential, path, webhookId, viaCreate, name }) {
	const imoje = { imojeApi: { id: credential.id, name: credential.name } };
	const text = (id, key, value, type = 'string') => ({ id, name: key, value, type });
	return {
		name,
		nodes: [
			{
				name: 'Deal won',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				name: 'Create payment link',
				type: NODE_TYPE,
				typeVersion: version,
				position: [220, 0],
				credentials: imoje,
				parameters: {
					resource: 'paymentLink',
					operation: 'create',
					amount: AMOUNT,
					currency: 'PLN',
					orderId: '={{ $json.body.orderId }}',
					customerFirstName: 'Load',
					customerLastName: 'Test',
					customerEmail: 'load@example.com',
					additionalFields: { title: '={{ $json.body.orderId }}', ...(viaCreate ? { notifyWaitStep: true } : {}) },
				},
			},
			{
				// Stands in for "send the link to the payer" (Gmail, Slack) and shows the run's
				// resume URL, so the test can find each execution's payment and address.
				name: LINK_NODE,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [440, 0],
				parameters: {
					assignments: {
						assignments: [
							text('l1', 'paymentId', '={{ $json.id }}'),
							text('l2', 'orderId', '={{ $json.orderId }}'),
							text('l3', 'paymentUrl', '={{ $json.url }}'),
							text('l4', 'resumeUrl', '={{ $execution.resumeUrl }}'),
						],
					},
					options: {},
				},
			},
			{
				name: WAIT_NODE,
				type: WAIT_TYPE,
				typeVersion: waitVersion,
				position: [660, 0],
				credentials: imoje,
				parameters: {
					resource: 'paymentLink',
					paymentId: { __rl: true, mode: 'id', value: '={{ $json.paymentId }}' },
				},
			},
			{
				name: AFTER_NODE,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [880, 0],
				parameters: {
					assignments: {
						assignments: [text('m1', 'orderId', '={{ $json.orderId }}'), text('m2', 'paid', '={{ $json.paid }}', 'boolean'), text('m3', 'ended', '={{ $json.ended }}')],
					},
					options: {},
				},
			},
		],
		connections: {
			'Deal won': { main: [[{ node: 'Create payment link', type: 'main', index: 0 }]] },
			'Create payment link': { main: [[{ node: LINK_NODE, type: 'main', index: 0 }]] },
			[LINK_NODE]: { main: [[{ node: WAIT_NODE, type: 'main', index: 0 }]] },
			[WAIT_NODE]: { main: [[{ node: AFTER_NODE, type: 'main', index: 0 }]] },
		},
	};
}

/** Creates the credential and the workflow on n8n (main) and publishes it. */
async function createWaitWorkflow(client, sim, { viaCreate, name = 'load: Wait for Payment' }) {
	const v = await versions(client, [NODE_TYPE, WAIT_TYPE]);
	const c = sim.config;
	const credential = await client.createCredential({
		name: `imoje simulator ${c.serviceId.slice(0, 8)}`,
		type: 'imojeApi',
		data: { environment: 'custom', baseUrl: sim.baseUrl, merchantId: c.merchantId, serviceId: c.serviceId, authorizationToken: c.token, shopSecretKey: c.shopKey },
	});
	const path = `wait-${crypto.randomBytes(6).toString('hex')}`;
	const wf = await client.createWorkflow(waitWorkflow({ version: v[NODE_TYPE], waitVersion: v[WAIT_TYPE], credential, path, webhookId: crypto.randomUUID(), viaCreate, name }));
	await client.activateWorkflow(wf.id, wf.versionId);
	return { workflowId: wf.id, path };
}

const listExecutions = (client, workflowId, status, limit = 1000) => client.executions(workflowId, { status, limit });

/** Polls until `count` executions of the workflow wait; stops early on a failed one. */
async function untilWaiting(client, workflowId, count, { timeoutMs = 300000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const waiting = await listExecutions(client, workflowId, 'waiting');
		if (waiting.length >= count) return waiting;
		const failed = await listExecutions(client, workflowId, ['error', 'crashed', 'canceled'], 5);
		if (failed.length) {
			const ex = await client.execution(failed[0].id);
			const err = ex.data && ex.data.resultData && ex.data.resultData.error;
			throw new Error(`execution ${failed[0].id} ${failed[0].status} before waiting: ${err ? `${err.node && err.node.name ? `${err.node.name}: ` : ''}${err.message}` : 'no error stored'}`);
		}
		if (Date.now() > deadline) throw new Error(`only ${waiting.length} of ${count} executions waiting after ${timeoutMs / 1000} s`);
		await sleep(500);
	}
}

/** Runs `fn` over `items` with `n` at a time; results in order. */
async function pool(items, n, fn) {
	const out = new Array(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
	return out;
}

/** `run.data.resultData.runData[node]`'s last run with output: its first item's json. */
function lastOutput(run, node) {
	const runs = (run.data && run.data.resultData && run.data.resultData.runData && run.data.resultData.runData[node]) || [];
	for (let i = runs.length - 1; i >= 0; i--) {
		const items = runs[i].data && runs[i].data.main && runs[i].data.main[0];
		if (items && items.length) return items[0].json;
	}
	return undefined;
}
const runsOf = (run, node) => ((run.data && run.data.resultData && run.data.resultData.runData && run.data.resultData.runData[node]) || []).length;

/** `/webhook-waiting/<id>?signature=…` -> `/webhook-waiting/<id>/imoje?signature=…` (a suffix goes before the query). */
function withSuffix(resumeUrl, suffix = 'imoje') {
	const u = new URL(resumeUrl);
	return `${u.pathname.replace(/\/+$/, '')}/${suffix}${u.search}`;
}
const pathAndQuery = (url) => {
	const u = new URL(url);
	return `${u.pathname}${u.search}`;
};

/**
 * Each waiting execution's payment and resume path, from its "Send the link" output and,
 * with `viaCreate`, the notificationUrl the simulator stored for the link.
 */
async function resumeTargets(client, sim, waiting, { viaCreate }) {
	const links = Object.fromEntries(sim.snapshot().paymentLinks.map((l) => [l.id, l]));
	const rows = await pool(waiting, 10, async (e) => {
		const run = await client.execution(e.id);
		const sent = lastOutput(run, LINK_NODE) || {};
		const link = links[sent.paymentId];
		if (!link) throw new Error(`execution ${e.id}: its payment ${sent.paymentId} is not in the simulator`);
		const fromResumeUrl = sent.resumeUrl ? withSuffix(sent.resumeUrl) : '';
		const fromCreate = link.notificationUrl ? pathAndQuery(link.notificationUrl) : '';
		return { executionId: String(e.id), ref: link.orderId, link, fromResumeUrl, fromCreate, path: viaCreate ? fromCreate : fromResumeUrl };
	});
	const missing = rows.filter((r) => !r.path || !r.path.startsWith(WAITING_SEGMENT));
	if (missing.length) throw new Error(`${missing.length} executions have no resume URL (${viaCreate ? "the link's notificationUrl" : `${LINK_NODE}'s resumeUrl`}), e.g. execution ${missing[0].executionId}`);
	return rows;
}

/**
 * The settled notification of each payment, three times: the first and a copy at once (two
 * deliveries racing; with `together: false` the copy leaves as the first is answered), then a
 * third `laterMs` after both were answered. `concurrency` payments at a time.
 */
async function sendFinals({ baseUrl, copyBaseUrl = baseUrl, targets, shop, concurrency, laterMs = 1000, together = true }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 2 });
	const startedAt = Date.now();
	const sends = await pool(targets, concurrency, async (t) => {
		const n = linkNotification(shop, { id: t.link.id, orderId: t.link.orderId, amount: t.link.amount, currency: t.link.currency, title: t.link.title, created: t.link.created }, 'settled');
		const url = `${baseUrl}${t.path}`;
		const copy = () => post(`${copyBaseUrl}${t.path}`, n, { agent });
		// `together`: two deliveries racing; otherwise the copy leaves when the first is answered.
		const [first, atOnce] = together ? await Promise.all([post(url, n, { agent }), copy()]) : [await post(url, n, { agent }), await copy()];
		await sleep(laterMs);
		const later = await post(url, n, { agent });
		return { ref: t.ref, executionId: t.executionId, answers: { first, atOnce, later } };
	});
	agent.destroy();
	return { sends, seconds: (Date.now() - startedAt) / 1000 };
}

/** Waits until none of the workflow's executions is new, running or waiting (or `timeoutMs`). */
async function untilSettled(client, workflowId, { timeoutMs = 120000, quietMs = 3000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let quietSince = 0;
	for (;;) {
		const busy = await listExecutions(client, workflowId, ['new', 'running', 'waiting'], 1000);
		if (busy.length === 0) {
			quietSince ||= Date.now();
			if (Date.now() - quietSince >= quietMs) return 0;
		} else quietSince = 0;
		if (Date.now() > deadline) return busy.length;
		await sleep(500);
	}
}

/** How each execution ended: status, how often "Mark paid" ran, Wait for Payment's output. */
async function finalState(client, ids) {
	const rows = await pool(ids, 10, async (id) => {
		const run = await client.execution(id);
		return [id, { status: run.status, afterRuns: runsOf(run, AFTER_NODE), waitRuns: runsOf(run, WAIT_NODE), out: lastOutput(run, WAIT_NODE) }];
	});
	return Object.fromEntries(rows);
}

/**
 * The whole run. `client`: logged in on main; `startUrl`: the n8n process whose /webhook/ starts
 * executions; `resumeBaseUrl`: the one the notifications go to (`copyBaseUrl`: where the copy sent
 * at once goes, by default the same). `logs()`: the text of the logs of the n8n processes the
 * calls went to, to tell which 5xx were n8n refusing a second resume. Returns the figures and lines.
 */
async function waitsRun({ client, sim, shop, tag, count, concurrency, startBaseUrl, resumeBaseUrl, copyBaseUrl = resumeBaseUrl, together = true, viaCreate, name, logs = () => '' }) {
	const target = await createWaitWorkflow(client, sim, { viaCreate, name });
	say(`workflow ${target.workflowId} published; starting ${count} executions at concurrency ${concurrency} (${startBaseUrl}/webhook/${target.path})`);
	const t0 = Date.now();
	const started = await sendAll({
		url: `${startBaseUrl}/webhook/${target.path}`,
		count,
		concurrency,
		make: (i) => {
			const ref = `${tag}-w-${i}`;
			return { ref, raw: JSON.stringify({ orderId: ref }), headers: { 'content-type': 'application/json' } };
		},
	});
	const refused = started.records.filter((r) => r.status !== 200);
	if (refused.length) throw new Error(`${refused.length} of ${count} starts were not answered 200 (e.g. ${refused[0].status || refused[0].error})`);
	const waiting = await untilWaiting(client, target.workflowId, count);
	const waitingSeconds = (Date.now() - t0) / 1000;
	say(`${waiting.length} executions waiting after ${waitingSeconds.toFixed(1)} s`);
	const targets = await resumeTargets(client, sim, waiting, { viaCreate });
	const sameAddress = targets.filter((t) => t.fromCreate && t.fromCreate === t.fromResumeUrl).length;
	const linksNew = targets.filter((t) => t.link.status === 'new').length;
	say(`sending ${targets.length} settled notifications x 3 at concurrency ${concurrency} to ${resumeBaseUrl}${WAITING_SEGMENT}…`);
	const { sends, seconds } = await sendFinals({ baseUrl: resumeBaseUrl, copyBaseUrl, targets, shop, concurrency, together });
	const left = await untilSettled(client, target.workflowId);
	const resumedSeconds = (Date.now() - t0) / 1000 - waitingSeconds;
	if (left) say(`${left} executions still new, running or waiting after the wait for them ended`);
	const final = await finalState(client, targets.map((t) => t.executionId));
	// Two ways n8n 2.38.7 answers 500 to a call that comes while another call resumes the same
	// execution, each logged with the execution's id; counted per execution:
	// - its WorkflowRunner refuses the second resume (ActiveExecutions.add: the status is no longer `waiting`);
	// - the second call read the execution while the first was writing it (the wait step's run
	//   already taken off, the status still `waiting`): WaitingWebhooks' preserveInputOverride fails.
	const ours = new Set(targets.map((t) => t.executionId));
	const refusals = {};
	const kinds = { alreadyResuming: 0, halfWritten: 0 };
	const text = logs();
	const tally = (re, kind) => {
		for (const m of text.matchAll(re)) {
			if (!ours.has(m[1])) continue;
			refusals[m[1]] = (refusals[m[1]] || 0) + 1;
			kinds[kind]++;
		}
	};
	tally(/Execution is already being resumed by another process \(execution (\d+)\)/g, 'alreadyResuming');
	tally(/Error in handling webhook request POST \/webhook-waiting\/(\d+)\/imoje: Cannot read properties of undefined \(reading 'inputOverride'\)/g, 'halfWritten');
	const alreadyResuming = kinds.alreadyResuming;
	const figures = waitFigures({ expected: count, waiting: targets, sends, final, refusals });
	const lines = [
		`  links in the simulator: ${linksNew} of ${targets.length} still "new" when the notifications went (the step's check found them not final)`,
		`  resume address used:    ${viaCreate ? `each link's notificationUrl as Create set it (Notify Wait for Payment Step); it is $execution.resumeUrl + /imoje for ${sameAddress} of ${targets.length}` : "$execution.resumeUrl + /imoje (Create's Notify Wait for Payment Step not used)"}`,
		`  n8n's log:              "Execution is already being resumed by another process" ${alreadyResuming} times for these executions (a call that came while another was resuming the same execution);`,
		`                          "Cannot read properties of undefined (reading 'inputOverride')" ${kinds.halfWritten} times (a call that read the execution while another call was writing its resume)`,
		`  timing:                 ${count} waiting ${waitingSeconds.toFixed(1)} s after the first start; the ${sends.length * COPIES.length} calls took ${seconds.toFixed(1)} s; all ended ${resumedSeconds.toFixed(1)} s after the first call`,
	];
	return { figures, lines, alreadyResuming, workflowId: target.workflowId, executionIds: targets.map((t) => t.executionId), sameAddress, targets: targets.length };
}

module.exports = { waitsRun, startSimulator, waitWorkflow, withSuffix, WAIT_NODE, AFTER_NODE, LINK_NODE };

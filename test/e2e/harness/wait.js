// A rig for test/e2e/wait.test.ts (Wait for Payment): an n8n and an imoje simulator of its own,
// because the test restarts n8n while executions wait, which the shared n8n of the global
// setup must not see. The simulator runs in the test's process, so the test reads its
// delivery log directly, and accepts per-payment notification URLs on 127.0.0.1 with a port
// (allowLocalNotificationUrl): the node's "Notify Wait for Payment Step" gives imoje n8n's
// resume URL, http://127.0.0.1:<port>/webhook-waiting/<executionId>/imoje?signature=<token>.
// Types: ./wait.d.ts.
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./paths');
const { startN8n, setupOwner, DEFAULT_OWNER } = require('./n8n');

/**
 * Starts the simulator, then n8n with the built package, and creates the owner.
 * @param {object} [opts] simulator options (merged over allowLocalNotificationUrl: true)
 */
async function startWaitRig(opts = {}) {
	const { createSimulator } = require(path.join(REPO_ROOT, 'tools', 'imoje-sim'));
	const sim = createSimulator({ allowLocalNotificationUrl: true, ...opts });
	await sim.start();
	const echo = process.env.IMOJE_E2E_ECHO === '1';
	let n8n;
	let client;
	try {
		n8n = await startN8n({ echo });
		client = await setupOwner(n8n.baseUrl, DEFAULT_OWNER);
	} catch (e) {
		await sim.stop();
		if (n8n) await n8n.stop();
		throw e;
	}
	const { userFolder, port } = n8n;
	const logs = [];

	const rig = {
		sim,
		get n8n() {
			return n8n;
		},
		get client() {
			return client;
		},
		get baseUrl() {
			return n8n.baseUrl;
		},
		/** Seconds each start of n8n took (the first, then each restart). */
		startSeconds: [n8n.startSeconds],
		/** `imojeApi` credential data for this simulator. */
		credentialData(overrides = {}) {
			const c = sim.config;
			return {
				environment: 'custom', baseUrl: sim.baseUrl, merchantId: c.merchantId, serviceId: c.serviceId,
				authorizationToken: c.token, shopSecretKey: c.shopKey, ...overrides,
			};
		},
		/** Stops n8n (SIGTERM, as a user's restart does) and starts it again on the same port and user folder. */
		async restartN8n() {
			logs.push(n8n.log());
			await n8n.stop();
			n8n = await startN8n({ userFolder, port, echo });
			client = await setupOwner(n8n.baseUrl, DEFAULT_OWNER);
			rig.startSeconds.push(n8n.startSeconds);
		},
		/** Everything this rig's n8n logged, across restarts. */
		log: () => [...logs, n8n.log()].join('\n'),
		/** POSTs raw bytes (or JSON) to this n8n; `{ status, text, json }`. */
		async post(urlPath, body, headers = {}) {
			const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
			const merged = { 'content-type': 'application/json' };
			for (const [k, v] of Object.entries(headers)) merged[k.toLowerCase()] = v;
			const res = await fetch(new URL(urlPath, n8n.baseUrl), {
				method: 'POST',
				headers: merged,
				body: raw,
				signal: AbortSignal.timeout(30000),
			});
			const text = await res.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { status: res.status, text, json };
		},
		/** Stops n8n and the simulator; removes the user folder unless IMOJE_E2E_KEEP=1. */
		async stop() {
			await sim.stop();
			if (n8n) await n8n.stop();
			if (process.env.IMOJE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
	return rig;
}

/** The execution id in a resume URL `…/webhook-waiting/<executionId>/imoje?signature=…` (undefined otherwise). */
function executionIdOf(url) {
	const m = /\/webhook-waiting\/([^/?]+)/.exec(String(url || ''));
	return m ? m[1] : undefined;
}

module.exports = { startWaitRig, executionIdOf };

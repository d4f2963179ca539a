// One real n8n (the e2e harness's install, IMOJE_E2E_CACHE) with the built package,
// an owner and helpers to run a workflow through its webhook and read the finished
// execution. Shared by the benchmarks that need n8n.
const http = require('node:http');
const { ensureInstalled } = require('../../test/e2e/harness/install');
const { startN8n, setupOwner } = require('../../test/e2e/harness/n8n');

function log(msg) {
	process.stderr.write(`[bench] ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A read that failed without an answer (fetch's "fetch failed": the socket was closed under it)
 * is tried again. fetch keeps sockets to n8n open between requests; n8n's server closes one
 * after 5 s idle, and a request that picks such a socket as it closes fails. On a busy machine
 * the client's own idle timer (4 s) can fire late, so between rounds this happened now and then.
 */
async function retried(read, attempts = 3) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await read();
		} catch (error) {
			if (attempt >= attempts || !(error instanceof TypeError)) throw error;
			log(`retrying a read after "${error.message}"${error.cause ? ` (${error.cause.code || error.cause.message})` : ''}`);
			await sleep(200);
		}
	}
}

async function startSession() {
	await ensureInstalled();
	const n8n = await startN8n({
		// IMOJE_BENCH_PACKAGE_DIR: measure another build of the package (e.g. an older commit's).
		...(process.env.IMOJE_BENCH_PACKAGE_DIR ? { packageDir: process.env.IMOJE_BENCH_PACKAGE_DIR } : {}),
		// Keep every execution: the benchmark reads them back. IMOJE_BENCH_N8N_NODE_OPTIONS
		// reaches n8n's Node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a run.
		env: {
			EXECUTIONS_DATA_PRUNE: 'false',
			...(process.env.IMOJE_BENCH_N8N_NODE_OPTIONS ? { NODE_OPTIONS: process.env.IMOJE_BENCH_N8N_NODE_OPTIONS } : {}),
		},
	});
	log(`n8n ${n8n.baseUrl} ready in ${n8n.startSeconds.toFixed(1)} s`);
	const client = await setupOwner(n8n.baseUrl);
	// Every read the benchmarks make (execution lists and details) goes through here.
	const request = client.request.bind(client);
	client.request = (method, urlPath, options) => (method === 'GET' ? retried(() => request(method, urlPath, options)) : request(method, urlPath, options));

	/** Creates and activates a workflow; returns its id. */
	async function deploy(workflow) {
		const created = await client.createWorkflow(workflow);
		await client.activateWorkflow(created.id, created.versionId);
		return created.id;
	}

	/** `{ count, results }` of the workflow's executions with the given status (newest first). */
	async function executionPage(workflowId, status, limit) {
		const filter = { workflowId, status: [status] };
		return await client.request('GET', '/rest/executions', { query: { filter, limit: String(limit) } });
	}

	/** Waits until the workflow has `count` successful executions; throws on an error execution. */
	async function waitForSuccesses(workflowId, count, timeoutMs = 300000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const failed = await executionPage(workflowId, 'error', 1);
			if (failed.count > 0) {
				const detail = await client.execution(failed.results[0].id);
				const err = detail.data.resultData.error;
				throw new Error(`workflow ${workflowId} failed: ${err ? err.message : 'unknown error'}`);
			}
			const ok = await executionPage(workflowId, 'success', Math.max(count, 1));
			if (ok.count >= count) return ok.results;
			if (Date.now() > deadline) throw new Error(`only ${ok.count}/${count} executions of ${workflowId} finished`);
			await sleep(100);
		}
	}

	/**
	 * POSTs to a webhook on a connection of its own, as imoje sends each notification. A POST is
	 * not retried (it may have started an execution), so it never reuses a kept-alive socket that
	 * n8n may be closing (see retried).
	 */
	function postWebhook(path, body, headers = {}) {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		return new Promise((resolve, reject) => {
			const req = http.request(`${n8n.baseUrl}/webhook/${path}`, {
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), ...headers },
				timeout: 300000,
			}, (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode));
				res.on('error', reject);
			});
			req.on('timeout', () => req.destroy(new Error('no answer in 300 s')));
			req.on('error', reject);
			req.end(raw);
		});
	}

	return {
		n8n,
		client,
		deploy,
		waitForSuccesses,
		postWebhook,
		async stop() {
			await n8n.stop();
		},
	};
}

module.exports = { startSession, log, sleep };

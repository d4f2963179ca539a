// Entry point for the e2e tests (TypeScript imports this with ./index.d.ts).
// The jest global setup (./global-setup.js) starts ONE n8n (and the imoje
// simulator) for the whole e2e run and writes where they are to a JSON file
// named by IMOJE_E2E_INFO; these helpers read it, so the .ts tests never
// touch `process`, timers or `console` (n8n's lint rules forbid them there).
const fs = require('node:fs');
const n8n = require('./n8n');

const INFO_ENV = 'IMOJE_E2E_INFO';
/**
 * The address tests give imoje (the simulator) for n8n: imoje accepts only public
 * URLs without a port, so the simulator is started with a rewrite of this prefix
 * to the local n8n.
 */
const PUBLIC_N8N_URL = 'https://n8n.e2e.test';

let cached;
/** Connection info written by the global setup. */
function e2eInfo() {
	if (cached) return cached;
	const file = process.env[INFO_ENV];
	if (!file || !fs.existsSync(file)) {
		throw new Error(
			`${INFO_ENV} is not set or its file is gone: run e2e tests through jest's e2e project (npm run test:e2e), whose global setup starts n8n`,
		);
	}
	cached = JSON.parse(fs.readFileSync(file, 'utf8'));
	return cached;
}

/** A REST client logged in as the owner the global setup created. */
async function e2eClient() {
	const info = e2eInfo();
	return await n8n.login(info.baseUrl, info.owner);
}

/** Everything n8n has logged so far (stdout + stderr). */
function n8nLog() {
	return fs.readFileSync(e2eInfo().logFile, 'utf8');
}

/** Log lines that report a problem loading our package. */
function n8nLoadErrors(packageName = n8n.PACKAGE_NAME) {
	return n8n.packageLoadErrors(n8nLog(), packageName);
}

/** The n8n CLI on the running instance's user folder (see n8n.js about what a running server notices). */
function e2eCli() {
	const info = e2eInfo();
	return n8n.n8nCli({ userFolder: info.userFolder, port: info.port });
}

function requireSim() {
	const { sim } = e2eInfo();
	if (!sim) throw new Error('the imoje simulator is not running (tools/imoje-sim/index.js was missing at global setup)');
	return sim;
}

/** `data` for an `imojeApi` credential pointing at the simulator; `overrides` replace fields. */
function simCredentialData(overrides = {}) {
	const sim = requireSim();
	return {
		environment: 'custom',
		baseUrl: sim.baseUrl,
		merchantId: sim.merchantId,
		serviceId: sim.serviceId,
		authorizationToken: sim.token,
		shopSecretKey: sim.shopKey,
		...overrides,
	};
}

/**
 * Calls the simulator: control endpoints (`/_sim/...`) or its API (`/v1/merchant/...`).
 * Returns `{ status, body }` (body parsed when JSON).
 */
async function simRequest(method, urlPath, body, { auth = false } = {}) {
	const sim = requireSim();
	const headers = { accept: 'application/json' };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (auth) headers.authorization = `Bearer ${sim.token}`;
	const res = await fetch(new URL(urlPath, sim.url), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(30000),
	});
	const text = await res.text();
	let parsed = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		/* not JSON */
	}
	return { status: res.status, body: parsed };
}

/** A production webhook URL as imoje should be given it (`https://n8n.e2e.test/webhook/<path>`). */
function publicWebhookUrl(webhookPath) {
	return `${PUBLIC_N8N_URL}/webhook/${webhookPath.replace(/^\/+/, '')}`;
}

/** The imoje Trigger's production webhook path for a node's webhookId. */
function triggerWebhookPath(webhookId) {
	return `${webhookId}/imoje`;
}

/** POSTs a body to one of n8n's webhooks (`/webhook/<path>`); returns `{ status, text, headers }`. */
async function postWebhook(urlPath, body, headers = {}) {
	const info = e2eInfo();
	const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	const res = await fetch(new URL(urlPath.startsWith('/') ? urlPath : `/webhook/${urlPath}`, info.baseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: raw,
		signal: AbortSignal.timeout(30000),
	});
	return { status: res.status, text: await res.text(), headers: Object.fromEntries(res.headers.entries()) };
}

/**
 * Runs `node scripts/demo.js --smoke --no-build` on free ports with a throw-away
 * user folder (never the developer's .n8n-e2e/demo): the demo does its own
 * example flow and exits. Resolves `{ code, output }`.
 */
async function runDemoSmoke({ timeoutMs = 170000 } = {}) {
	const os = require('node:os');
	const path = require('node:path');
	const { spawn } = require('node:child_process');
	const { REPO_ROOT } = require('./paths');
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-demo-'));
	const port = await n8n.freePort();
	let simPort = await n8n.freePort();
	while (simPort === port) simPort = await n8n.freePort();
	const args = ['scripts/demo.js', '--smoke', '--no-build', '--port', String(port), '--sim-port', String(simPort), '--user-folder', userFolder];
	try {
		return await new Promise((resolve, reject) => {
			const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
			let output = '';
			child.stdout.on('data', (d) => (output += d));
			child.stderr.on('data', (d) => (output += d));
			const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
			child.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				resolve({ code, output });
			});
		});
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `fn` until it returns a truthy value (default 30 s). */
async function waitFor(fn, timeoutMs = 30000, what = 'condition') {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastError = e;
		}
		await sleep(200);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/**
 * Creates a payment link in the simulator's shop through its API; with `triggerWebhookId`,
 * imoje's notifications for it go to that imoje Trigger. Resolves the link's id.
 */
async function simPaymentLink({ orderId, amount = 2500, triggerWebhookId } = {}) {
	const { sim } = e2eInfo();
	const body = {
		serviceId: sim.serviceId, amount, currency: 'PLN', orderId,
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
		...(triggerWebhookId ? { notificationUrl: publicWebhookUrl(triggerWebhookPath(triggerWebhookId)) } : {}),
	};
	const answer = await simRequest('POST', `/v1/merchant/${sim.merchantId}/payment`, body, { auth: true });
	if (answer.status !== 200) throw new Error(`the simulator refused the payment link: ${JSON.stringify(answer.body)}`);
	return answer.body.payment.id;
}

/** An example workflow from examples/, as shipped (tests may adjust it before importing). */
function loadExample(file) {
	const { REPO_ROOT } = require('./paths');
	return JSON.parse(require('node:fs').readFileSync(require('node:path').join(REPO_ROOT, 'examples', file), 'utf8'));
}

/** The major version of the n8n the suite runs on (IMOJE_E2E_N8N_VERSION; 2 by default). */
const n8nMajor = () => require('./paths').VERSIONS.n8nMajor;

module.exports = {
	...n8n,
	n8nMajor,
	...require('./scripted-model'),
	loadExample,
	simPaymentLink,
	INFO_ENV,
	PUBLIC_N8N_URL,
	publicWebhookUrl,
	triggerWebhookPath,
	e2eInfo,
	e2eClient,
	e2eCli,
	n8nLog,
	n8nLoadErrors,
	simCredentialData,
	simRequest,
	postWebhook,
	runDemoSmoke,
	sleep,
	waitFor,
};

// Helpers to run a REAL n8n (installed by ./install.js) with this package loaded
// the way a user's n8n loads it: as a community package under
// `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-imoje`, so node types are
// `n8n-nodes-imoje.imoje` and `n8n-nodes-imoje.imojeTrigger`.
//
// Plain CommonJS: n8n's community lint rules forbid `process`, timers and
// `console` in test/**/*.ts, so all of that lives here. Types: ./index.d.ts.
//
// Checked against n8n 2.38.7's installed source:
// - community packages are found by scanning `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-*`
//   (modules/community-packages/community-packages.module.js `nodeLoaders()`), no DB row needed;
// - `/healthz` answers before migrations finish; `/healthz/readiness` says when the DB is ready;
// - auth is the `n8n-auth` cookie, bound to the `browser-id` header sent at login;
// - CLI commands (import:*, execute, publish:workflow) work while `n8n start` runs on the same
//   SQLite file, but the running server does not notice a CLI `publish:workflow` (it says so):
//   activate through the REST API while it runs, or publish before `start`.
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, execFileSync } = require('node:child_process');
const { REPO_ROOT, VERSIONS, paths } = require('./paths');
const { ExecutionStatusList } = require('n8n-workflow');

const PACKAGE_NAME = 'n8n-nodes-imoje';
const BROWSER_ID = 'imoje-e2e-browser';
const DEFAULT_ENCRYPTION_KEY = 'imoje-e2e-fixed-encryption-key-0001';
const DEFAULT_OWNER = {
	email: 'owner@imoje-e2e.test',
	password: 'Imoje-e2e-Passw0rd',
	firstName: 'Demo',
	lastName: 'Owner',
};

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** The environment every n8n process of the harness gets (server and CLI). */
function n8nEnv({ userFolder, port, brokerPort, env = {} }) {
	const p = paths();
	const base = { ...process.env };
	// Nothing from the caller's Node/npm/n8n setup leaks into n8n.
	for (const k of Object.keys(base)) {
		if (k.startsWith('N8N_') || k.startsWith('npm_') || k.startsWith('JEST_') || k === 'NODE_OPTIONS' || k === 'WEBHOOK_URL') {
			delete base[k];
		}
	}
	// Jest sets NODE_ENV=test, which makes n8n refuse to load nodes ("Not available in tests").
	if (base.NODE_ENV === 'test') delete base.NODE_ENV;
	const url = `http://127.0.0.1:${port}/`;
	return {
		...base,
		PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: url,
		N8N_EDITOR_BASE_URL: url,
		N8N_ENCRYPTION_KEY: DEFAULT_ENCRYPTION_KEY,
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_METRICS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Task runners are always on in 2.x; internal mode runs the JS runner as a child
		// of n8n. Each n8n process (server or CLI `execute`) opens its own broker, so each
		// gets its own port.
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		...env,
	};
}

/**
 * Files `npm pack` would put in the package's tarball (honours `files`, so a file
 * missing from the published package is missing here too).
 */
function packedFiles(packageDir) {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: packageDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const json = JSON.parse(out.slice(out.indexOf('[')));
	return json[0].files.map((f) => f.path);
}

/**
 * Copies the built package (what `npm pack` would publish) into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, like a community-package install.
 * @returns {string} the installed package folder
 */
function installPackage({ userFolder, packageDir = REPO_ROOT }) {
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const declared = [...((pkg.n8n && pkg.n8n.nodes) || []), ...((pkg.n8n && pkg.n8n.credentials) || [])];
	const missing = declared.filter((f) => !fs.existsSync(path.join(packageDir, f)));
	if (declared.length === 0 || missing.length > 0) {
		throw new Error(
			`${pkg.name} is not built: ${missing.length ? `missing ${missing.join(', ')}` : 'no n8n.nodes in package.json'}. Run \`npm run build\` first.`,
		);
	}
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	fs.rmSync(target, { recursive: true, force: true });
	for (const rel of packedFiles(packageDir)) {
		const dest = path.join(target, rel);
		fs.mkdirSync(path.dirname(dest), { recursive: true });
		fs.copyFileSync(path.join(packageDir, rel), dest);
	}
	const nodesPkg = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(nodesPkg)) {
		fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	return target;
}

/** Lines of an n8n log that report a problem loading `packageName`. */
function packageLoadErrors(logText, packageName = PACKAGE_NAME) {
	const lines = logText.split('\n');
	const bad = [];
	lines.forEach((line, i) => {
		const l = line.toLowerCase();
		const mentions = l.includes(packageName.toLowerCase());
		const loadProblem =
			/failed to load package|skipping package directory|error loading|could not load|cannot find module|is not built|unrecognized node type|unknown credential|syntaxerror/i.test(
				line,
			);
		if ((mentions && /error|fail|warn|skipp|cannot|could not/i.test(line)) || (loadProblem && (mentions || /package|node|credential/i.test(l)))) {
			bad.push(lines.slice(i, i + 3).join('\n'));
		}
	});
	return bad;
}

/**
 * Runs n8n's CLI (same Node 24, user folder and env as the server).
 * @returns {{ run, importCredentials, importWorkflow, executeWorkflow, publishWorkflow }}
 */
function n8nCli({ userFolder, port = 5678, env = {} }) {
	const p = paths();
	async function run(args, { timeoutMs = 120000, allowFailure = false } = {}) {
		const brokerPort = await freePort();
		return await new Promise((resolve, reject) => {
			const child = spawn(p.nodeBin, [p.n8nBin, ...args], {
				cwd: userFolder,
				env: n8nEnv({ userFolder, port, brokerPort, env }),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.on('exit', (code, signal) => {
				clearTimeout(timer);
				const result = { code, signal, stdout, stderr };
				if (code === 0 || allowFailure) resolve(result);
				else {
					const err = new Error(
						`n8n ${args.join(' ')} failed (${signal || `exit ${code}`}):\n${(stdout + stderr).split('\n').filter((l) => !/^\s+at /.test(l)).slice(-40).join('\n')}`,
					);
					Object.assign(err, result);
					reject(err);
				}
			});
		});
	}
	function tmpFile(name, data) {
		const dir = path.join(userFolder, 'cli-input');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${Date.now()}-${crypto.randomBytes(4).toString('hex')}-${name}`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}
	const api = {
		run,
		/** `n8n import:credentials`; plain `data` is encrypted by n8n. Returns the ids. */
		async importCredentials(credentials) {
			const list = (Array.isArray(credentials) ? credentials : [credentials]).map((c) => ({
				id: c.id || newId(),
				...c,
			}));
			await run(['import:credentials', `--input=${tmpFile('credentials.json', list)}`]);
			return list.map((c) => c.id);
		},
		/** `n8n import:workflow`; gives the workflow an id when it has none. Returns the id. */
		async importWorkflow(workflow) {
			return (await api.importWorkflows([workflow]))[0];
		},
		/** Several workflows in one `n8n import:workflow` (one n8n boot, ~2 s). Returns the ids. */
		async importWorkflows(workflows) {
			const list = workflows.map((w) => ({ settings: {}, connections: {}, ...w, id: w.id || newId() }));
			await run(['import:workflow', `--input=${tmpFile('workflows.json', list)}`]);
			return list.map((w) => w.id);
		},
		/**
		 * `n8n execute --id=ID --rawOutput`: the run (`{ data: { resultData: { runData, error? } }, status, … }`).
		 * A failed run rejects (error.run holds the run) unless `allowFailure`.
		 */
		async executeWorkflow(id, { allowFailure = false, timeoutMs = 120000 } = {}) {
			const res = await run(['execute', `--id=${id}`, '--rawOutput'], { allowFailure: true, timeoutMs });
			const runJson = extractJson(res.stdout);
			if (res.code === 0 && runJson) return runJson;
			// Seen under load on 2.38.7: the CLI printed a finished, successful run and was then
			// ended by a signal while shutting down (exit null). The run itself is complete.
			if (res.code === null && res.signal && runJson && runJson.finished && runJson.status === 'success') return runJson;
			if (allowFailure && runJson) return runJson;
			const err = new Error(
				`n8n execute --id=${id} failed (exit ${res.code}): ${
					(runJson && runJson.data && runJson.data.resultData && runJson.data.resultData.error && runJson.data.resultData.error.message) ||
					(res.stdout + res.stderr).split('\n').filter((l) => !/^\s+at /.test(l)).slice(-20).join('\n')
				}`,
			);
			Object.assign(err, { run: runJson, stdout: res.stdout, stderr: res.stderr });
			throw err;
		},
		/**
		 * `n8n publish:workflow --id=ID` (2.x; 1.x calls it `update:workflow --active=true`):
		 * only seen by an n8n started afterwards.
		 */
		async publishWorkflow(id) {
			if (VERSIONS.n8nMajor < 2) await run(['update:workflow', `--id=${id}`, '--active=true']);
			else await run(['publish:workflow', `--id=${id}`]);
		},
	};
	return api;
}

/** n8n prints the run as pretty JSON (a `{` line to the first `}` line) among log lines. */
function extractJson(text) {
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j] !== '}') continue;
			try {
				return JSON.parse(lines.slice(i, j + 1).join('\n'));
			} catch {
				break;
			}
		}
	}
	return undefined;
}

/** A 16-character id like n8n's own workflow/credential ids. */
function newId() {
	const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(crypto.randomBytes(16), (b) => abc[b % abc.length]).join('');
}

const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// Last resort: never leave an n8n behind when the parent dies without stop().
	process.on('exit', () => {
		for (const child of running) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	});
}

/**
 * What each n8n command logs once it is up. `webhook` (a queue-mode webhook processor)
 * serves HTTP like `start`; a `worker` has no HTTP server, so its log line is all there is.
 */
const READY_LOG = {
	start: /Editor is now accessible via/,
	webhook: /Webhook listener waiting for requests/,
	worker: /n8n worker is now ready/,
};

/**
 * Starts `n8n start` (or `n8n webhook` / `n8n worker`, for queue mode) on Node 24 with
 * the built package installed as a community package and waits until it serves requests.
 * @param {object} [opts]
 * @param {string} [opts.userFolder] N8N_USER_FOLDER (default: a new temp folder)
 * @param {number} [opts.port] N8N_PORT (default: a free port)
 * @param {Record<string,string>} [opts.env] extra/overriding environment
 * @param {string|false} [opts.packageDir] package to install (default: the repo); false = none
 * @param {number} [opts.timeoutMs] how long to wait for readiness (default 180 s)
 * @param {boolean} [opts.echo] also copy n8n's output to this process's stderr
 * @param {'start'|'webhook'|'worker'} [opts.command] n8n command (default `start`)
 */
async function startN8n(opts = {}) {
	const p = paths();
	if (!fs.existsSync(p.n8nBin) || !fs.existsSync(p.nodeBin)) {
		throw new Error(`n8n is not installed in ${p.root}: run \`node test/e2e/harness/install.js\` first`);
	}
	const userFolder = opts.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-e2e-n8n-'));
	fs.mkdirSync(userFolder, { recursive: true });
	const port = opts.port || (await freePort());
	const brokerPort = opts.brokerPort || (await freePort());
	const packageDir = opts.packageDir === undefined ? REPO_ROOT : opts.packageDir;
	const installedPackageDir = packageDir ? installPackage({ userFolder, packageDir }) : undefined;
	const env = n8nEnv({ userFolder, port, brokerPort, env: opts.env });
	const baseUrl = `http://127.0.0.1:${port}`;
	const logFile = path.join(userFolder, 'n8n.log');
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	let logText = '';

	const started = Date.now();
	const command = opts.command || 'start';
	const child = spawn(p.nodeBin, [p.n8nBin, command], {
		cwd: userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // own process group: stop() also ends n8n's task-runner children
	});
	running.add(child);
	installExitHook();
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			running.delete(child);
			resolve(exited);
		});
	});
	const onData = (d) => {
		const s = d.toString();
		logText += s;
		logStream.write(s);
		if (opts.echo) process.stderr.write(s);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);

	const handle = {
		baseUrl,
		port,
		brokerPort,
		userFolder,
		logFile,
		pid: child.pid,
		env,
		installedPackageDir,
		startSeconds: 0,
		/** Resolves when the n8n process ends (for whatever reason). */
		exited: exitPromise,
		log: () => logText,
		loadErrors: (name = PACKAGE_NAME) => packageLoadErrors(logText, name),
		cli: n8nCli({ userFolder, port, env: opts.env }),
		/** Waits until the log matches `re` (checks what is already logged first). */
		async waitForLog(re, timeoutMs = 30000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (re.test(logText)) return;
				if (exited) throw new Error(`n8n exited while waiting for ${re}`);
				await sleep(200);
			}
			throw new Error(`n8n log did not show ${re} within ${timeoutMs} ms`);
		},
		async stop({ timeoutMs = 30000 } = {}) {
			if (!exited) {
				try {
					process.kill(-child.pid, 'SIGTERM');
				} catch {
					/* gone */
				}
				let timer;
				const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, 'timeout')));
				const outcome = await Promise.race([exitPromise, timeout]);
				clearTimeout(timer);
				if (outcome === 'timeout') {
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {
						/* gone */
					}
					await exitPromise;
				}
			}
			// The task runner is in n8n's process group; make sure nothing of it is left.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
			await new Promise((resolve) => logStream.end(resolve));
			return exited;
		},
	};

	const deadline = started + (opts.timeoutMs || 180000);
	for (;;) {
		if (exited) {
			await handle.stop();
			throw new Error(`n8n exited (${exited.signal || exited.code}) before it was ready. Log tail:\n${tail(logText)}`);
		}
		if (Date.now() > deadline) {
			await handle.stop();
			throw new Error(`n8n was not ready within ${(opts.timeoutMs || 180000) / 1000} s. Log tail:\n${tail(logText)}`);
		}
		// `/healthz` answers during migrations; readiness + the editor line mean really up.
		if (READY_LOG[command].test(logText) && (command === 'worker' || (await isReady(baseUrl)))) break;
		await sleep(250);
	}
	handle.startSeconds = (Date.now() - started) / 1000;
	return handle;
}

function tail(text, n = 40) {
	return text.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-n).join('\n');
}

async function isReady(baseUrl) {
	try {
		const res = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		return res.ok;
	} catch {
		return false;
	}
}

/** Thrown for a non-2xx REST answer; `status` and `body` tell what n8n said. */
class N8nApiError extends Error {
	constructor(method, urlPath, status, body) {
		const msg = body && typeof body === 'object' ? body.message || JSON.stringify(body) : String(body);
		super(`${method} ${urlPath} -> ${status}: ${msg}`);
		this.status = status;
		this.body = body;
	}
}

/** A logged-in client for n8n's internal REST API (`/rest/...`), the one the editor uses. */
class N8nClient {
	constructor(baseUrl, cookie = '') {
		this.baseUrl = baseUrl;
		this.cookie = cookie;
	}

	/** Any request; unwraps n8n's `{ data }` envelope. Throws N8nApiError on non-2xx. */
	async request(method, urlPath, { body, query, raw = false } = {}) {
		// The editor's manual run (`POST /rest/workflows/:id/run`): 2.x reads the stored
		// workflow itself; 1.x wants it in the body as `workflowData`.
		const run = /^\/rest\/workflows\/([^/?]+)\/run$/.exec(urlPath);
		if (run && method === 'POST' && VERSIONS.n8nMajor < 2 && body && !body.workflowData) {
			body = { ...body, workflowData: await this.getWorkflow(run[1]) };
		}
		const url = new URL(urlPath, this.baseUrl);
		for (const [k, v] of Object.entries(query || {})) {
			if (v !== undefined) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
		}
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookies = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
		for (const c of setCookies) {
			const pair = c.split(';')[0];
			if (pair.startsWith('n8n-auth=')) this.cookie = pair;
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (!res.ok) throw new N8nApiError(method, urlPath, res.status, json);
		if (raw) return json;
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** All node types n8n loaded (`GET /types/nodes.json`, auth required): `[{ name, displayName, version, … }]`. */
	async nodeTypes() {
		return await this.request('GET', '/types/nodes.json', { raw: true });
	}

	/** All credential types (`GET /types/credentials.json`): `[{ name, displayName, properties, … }]`. */
	async credentialTypes() {
		return await this.request('GET', '/types/credentials.json', { raw: true });
	}

	/** `POST /rest/credentials` `{ name, type, data }` -> the stored credential (with `id`). */
	async createCredential({ name, type, data, projectId }) {
		return await this.request('POST', '/rest/credentials', { body: { name, type, data, projectId } });
	}

	/**
	 * The editor's "Test" button: `POST /rest/credentials/test` `{ credentials: { id, name, type, data } }`
	 * -> `{ status: 'OK' | 'Error', message }`. An unsaved credential uses `id: ''` (owner only);
	 * for a saved one, `data` may be left out to test what is stored.
	 */
	async testCredential({ id = '', name, type, data }) {
		if (!id && VERSIONS.n8nMajor < 2) {
			// 1.x tests stored credentials only (its editor saves before testing): store a
			// temporary one, test it with these values, remove it.
			const temp = await this.createCredential({ name: name || 'e2e credential (test)', type, data });
			try {
				return await this.testCredential({ id: temp.id, name: temp.name, type, data });
			} finally {
				await this.request('DELETE', `/rest/credentials/${temp.id}`).catch(() => undefined);
			}
		}
		let body = { id, name: name || 'e2e credential', type, data };
		if (id && !data) {
			// What the editor does for a saved credential: send back the stored
			// (redacted) values; n8n puts the real secrets back in before testing.
			const stored = await this.getCredential(id);
			body = { id, name: name || stored.name, type: type || stored.type, data: stored.data };
		}
		return await this.request('POST', '/rest/credentials/test', { body: { credentials: body } });
	}

	/** `GET /rest/credentials/:id?includeData=true`: secrets come back redacted. */
	async getCredential(id) {
		return await this.request('GET', `/rest/credentials/${id}`, { query: { includeData: 'true' } });
	}

	/** `POST /rest/workflows` -> the stored workflow (`id`, `versionId`, …). */
	async createWorkflow(workflow) {
		const body = { settings: {}, connections: {}, ...workflow };
		// 2.x refuses `active` here (publishing is its own step); 1.x's table needs it set.
		if (VERSIONS.n8nMajor < 2) body.active = false;
		else delete body.active;
		return await this.request('POST', '/rest/workflows', { body });
	}

	async getWorkflow(id) {
		return await this.request('GET', `/rest/workflows/${id}`);
	}

	/**
	 * Publishes (activates) a workflow: `POST /rest/workflows/:id/activate` `{ versionId }`.
	 * Registers its production webhooks at once. Throws (status 400) when n8n refuses,
	 * e.g. a trigger's webhook `create` failing.
	 */
	async activateWorkflow(id, versionId) {
		const vid = versionId || (await this.getWorkflow(id)).versionId;
		return await this.request('POST', `/rest/workflows/${id}/activate`, { body: { versionId: vid } });
	}

	async deactivateWorkflow(id) {
		return await this.request('POST', `/rest/workflows/${id}/deactivate`, { body: {} });
	}

	/**
	 * `GET /rest/executions?filter={"workflowId":…,"status":[…]}`: newest first, without run data.
	 * Always sends a status filter (every status unless one is asked for): without one, n8n 2.38.7's
	 * `ExecutionsController.getMany` lists running and finished executions with two separate queries
	 * (`findLatestCurrentAndCompleted`), and a run that ends between them is in neither list.
	 */
	async executions(workflowId, { limit = 100, status = ExecutionStatusList } = {}) {
		const filter = { status: Array.isArray(status) ? status : [status] };
		if (workflowId) filter.workflowId = workflowId;
		const res = await this.request('GET', '/rest/executions', { query: { filter, limit: String(limit) } });
		return res.results;
	}

	/**
	 * `GET /rest/executions/:id` with its run data decoded (n8n sends it `flatted`):
	 * `{ id, status, mode, workflowId, data: { resultData: { runData, error?, lastNodeExecuted } } }`.
	 */
	async execution(id) {
		const ex = await this.request('GET', `/rest/executions/${id}`);
		if (ex && typeof ex.data === 'string') ex.data = flatted().parse(ex.data);
		return ex;
	}

	/** Polls until the workflow has at least `count` finished executions; returns them (newest first). */
	async waitForExecutions(workflowId, count = 1, { timeoutMs = 30000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let last = [];
		while (Date.now() < deadline) {
			last = (await this.executions(workflowId)).filter((e) => e.status !== 'running' && e.status !== 'new');
			if (last.length >= count) return last;
			await sleep(250);
		}
		throw new Error(`workflow ${workflowId} has ${last.length} finished executions after ${timeoutMs} ms, wanted ${count}`);
	}

	/** `POST /rest/login` `{ emailOrLdapLoginId, password }`. */
	async login({ email, password }) {
		await this.request('POST', '/rest/login', { body: { emailOrLdapLoginId: email, password } });
		return this;
	}
}

function flatted() {
	// n8n's own copy (the project does not depend on flatted).
	return require(require.resolve('flatted', { paths: [paths().n8nPkgDir] }));
}

/**
 * Creates the owner account (`POST /rest/owner/setup` `{ email, firstName, lastName, password }`,
 * password 8-64 chars with a digit and an uppercase letter) and returns a logged-in client.
 * When an owner already exists (a kept user folder), logs in with the same e-mail/password.
 */
async function setupOwner(baseUrl, owner = {}) {
	const o = { ...DEFAULT_OWNER, ...owner };
	const client = new N8nClient(baseUrl);
	try {
		await client.request('POST', '/rest/owner/setup', {
			body: { email: o.email, firstName: o.firstName, lastName: o.lastName, password: o.password },
		});
	} catch (e) {
		if (!(e instanceof N8nApiError) || e.status !== 400) throw e;
		await client.login(o); // "Instance owner already setup"
	}
	if (!client.cookie) throw new Error('n8n set no n8n-auth cookie after owner setup/login');
	return client;
}

async function login(baseUrl, { email = DEFAULT_OWNER.email, password = DEFAULT_OWNER.password } = {}) {
	return await new N8nClient(baseUrl).login({ email, password });
}

module.exports = {
	PACKAGE_NAME,
	DEFAULT_OWNER,
	DEFAULT_ENCRYPTION_KEY,
	startN8n,
	setupOwner,
	login,
	N8nClient,
	N8nApiError,
	n8nCli,
	n8nEnv,
	installPackage,
	packedFiles,
	packageLoadErrors,
	freePort,
	newId,
	extractJson,
};

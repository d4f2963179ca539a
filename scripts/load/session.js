// One real n8n (SQLite, as the e2e harness runs it) for a load test, which the test may
// SIGKILL and restart on the same user folder and port; its executions are read from
// the SQLite file once it has stopped. Every n8n log is kept in <cache>/logs/.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('../../test/e2e/harness/install');
const { paths } = require('../../test/e2e/harness/paths');
const { startN8n, setupOwner, login } = require('../../test/e2e/harness/n8n');
const { readSqlite, sqliteFile } = require('./executions');

function say(msg) {
	process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/**
 * `env`: extra n8n environment (e.g. N8N_EXPRESSION_ENGINE_POOL_SIZE), for trying n8n settings.
 * IMOJE_LOAD_PACKAGE_DIR measures another build of the package (e.g. an older commit's).
 */
async function openSession({ echo = false, keep = false, env = {} } = {}) {
	await ensureInstalled();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-load-n8n-'));
	const logDir = path.join(paths().root, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const logs = [];
	let n8n = null;
	let client = null;

	async function start(port) {
		const packageDir = process.env.IMOJE_LOAD_PACKAGE_DIR;
		n8n = await startN8n({ userFolder, port, echo, env, ...(packageDir ? { packageDir } : {}) });
		client = port ? await login(n8n.baseUrl) : await setupOwner(n8n.baseUrl);
		say(`n8n ${port ? 're' : ''}started on ${n8n.baseUrl} in ${n8n.startSeconds.toFixed(1)} s (pid ${n8n.pid})`);
	}
	function keepLog() {
		const file = path.join(logDir, `load-n8n-${logs.length + 1}.log`);
		try {
			fs.copyFileSync(n8n.logFile, file);
			logs.push(file);
		} catch {
			/* no log written */
		}
	}
	async function stop() {
		if (!n8n) return;
		await n8n.stop({ timeoutMs: 120000 });
		keepLog();
		n8n = null;
	}

	await start();
	return {
		userFolder,
		logs,
		get n8n() {
			return n8n;
		},
		get client() {
			return client;
		},
		/** SIGKILL now, to n8n and its task runner (same process group); returns at once. */
		killNow() {
			process.kill(-n8n.pid, 'SIGKILL');
		},
		/** After killNow(): waits for the death and starts n8n again on the same folder and port. */
		async restartAfterKill() {
			const { port } = n8n;
			await n8n.exited;
			await stop();
			await start(port);
		},
		/** Graceful stop (n8n finishes what runs), then start again. */
		async restart() {
			const { port } = n8n;
			await stop();
			await start(port);
		},
		/** Stops n8n and reads every execution it stored (see executions.js). */
		async finish(pattern) {
			await stop();
			return await readSqlite(sqliteFile(userFolder), pattern);
		},
		async close() {
			await stop();
			if (keep) say(`user folder kept: ${userFolder}`);
			else fs.rmSync(userFolder, { recursive: true, force: true });
			if (logs.length) say(`n8n logs: ${logs.join(', ')}`);
		},
	};
}

module.exports = { openSession, say };

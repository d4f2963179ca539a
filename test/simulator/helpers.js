'use strict';
// Helpers for the simulator tests that need node:http or timers. Plain JS on
// purpose: n8n's community lint rules forbid those in test/**/*.ts.
const http = require('node:http');
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const REPO_ROOT = path.join(__dirname, '..', '..');
const SIM_DIR = path.join(REPO_ROOT, 'tools', 'imoje-sim');

/**
 * A local HTTP receiver that catches notifications. `statuses` answers the
 * n-th request with statuses[n] (the last one repeats); default always 200.
 */
function startReceiver(statuses = [200]) {
	const received = [];
	let plan = statuses;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			let json;
			try {
				json = JSON.parse(raw.toString('utf8'));
			} catch {
				json = undefined;
			}
			received.push({ method: req.method, path: req.url, headers: req.headers, raw, text: raw.toString('utf8'), json, at: Date.now() });
			const status = plan[Math.min(received.length - 1, plan.length - 1)];
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(status === 200 ? '{"status":"ok"}' : '{"status":"error"}');
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}/imoje`,
				received,
				setStatuses(next) {
					plan = next;
				},
				close: () =>
					new Promise((r) => {
						server.close(() => r());
						server.closeAllConnections();
					}),
			});
		});
	});
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `fn` every 5 ms until it returns a truthy value; rejects after `timeoutMs`. */
async function waitFor(fn, timeoutMs = 3000, what = 'condition') {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(5);
	}
}

/**
 * Starts `node tools/imoje-sim/cli.js ...args` with extra env, waits for its
 * banner, and returns the banner plus a stop(signal) that resolves the exit code.
 */
function startCli(args, env = {}, timeoutMs = 5000) {
	const cli = path.join(__dirname, '..', '..', 'tools', 'imoje-sim', 'cli.js');
	const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stdout.on('data', (c) => (out += c));
	child.stderr.on('data', (c) => (err += c));
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`CLI did not start: ${out}${err}`));
		}, timeoutMs);
		const check = () => {
			if (!/Ctrl\+C stops/.test(out)) return;
			clearTimeout(timer);
			child.stdout.off('data', check);
			resolve({
				banner: out,
				url: /listening on (http:\/\/\S+)/.exec(out)[1],
				stop: (signal = 'SIGTERM') => {
					child.kill(signal);
					return exited.then((x) => ({ ...x, output: out, errors: err }));
				},
			});
		};
		child.stdout.on('data', check);
		exited.then(({ code }) => {
			clearTimeout(timer);
			reject(new Error(`CLI exited with ${code}: ${out}${err}`));
		});
	});
}

/**
 * imoje's own pages (the seeds beside API.md), where this checkout can see them:
 * IMOJE_SEEDS_DIR, else ../shared/imoje/seeds next to the repository or its parent.
 * Null when absent (a checkout outside the project's workspace).
 */
function seedsDir() {
	const candidates = [process.env.IMOJE_SEEDS_DIR, path.resolve(REPO_ROOT, '..', 'shared', 'imoje', 'seeds'), path.resolve(REPO_ROOT, '..', '..', 'shared', 'imoje', 'seeds')];
	return candidates.find((d) => d && fs.existsSync(path.join(d, '01-payment-link-create.txt'))) || null;
}

/** Lines of a seed file (1-based: index 0 is line 1), or null without seeds. */
function seedLines(file) {
	const dir = seedsDir();
	if (!dir || !fs.existsSync(path.join(dir, file))) return null;
	return fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
}

/** The simulator's source files (every .js under tools/imoje-sim) as {file: text}. */
function simSources() {
	const out = {};
	for (const f of fs.readdirSync(SIM_DIR).filter((x) => x.endsWith('.js'))) out[f] = fs.readFileSync(path.join(SIM_DIR, f), 'utf8');
	return out;
}

/** A new empty temporary folder, and a path in it; remove() deletes the folder. */
function tempFolder() {
	const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'imoje-sim-test-'));
	return {
		dir,
		file: (name) => path.join(dir, name),
		exists: (name) => fs.existsSync(path.join(dir, name)),
		read: (name) => fs.readFileSync(path.join(dir, name), 'utf8'),
		write: (name, text) => fs.writeFileSync(path.join(dir, name), text),
		remove: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}

module.exports = { startReceiver, sleep, waitFor, startCli, seedsDir, seedLines, simSources, tempFolder };

// n8n in queue mode for the scripts (scripts/load/queue.js): a PostgreSQL and a Redis of
// our own (Debian's packages, started on free loopback ports in a temp folder), then one
// main (`n8n start`), webhook processors (`n8n webhook`) and workers (`n8n worker`), all
// with EXECUTIONS_MODE=queue, the same encryption key and database, each with its own
// user folder and the package installed in it, as each machine of a real setup has.
//
// What n8n 2.38.7 needs for this (its @n8n/config sources): DB_TYPE=postgresdb and
// DB_POSTGRESDB_*; QUEUE_BULL_REDIS_HOST/PORT; the same N8N_ENCRYPTION_KEY everywhere, or
// the other processes cannot decrypt the credentials main stored.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { startN8n, freePort } = require('./n8n');

const QUEUE_ENCRYPTION_KEY = 'imoje-queue-shared-encryption-key-01';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function log(msg) {
	process.stderr.write(`[queue ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Newest Debian PostgreSQL server binaries folder (`/usr/lib/postgresql/<v>/bin`), if any. */
function pgBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function redisServer() {
	try {
		return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** Installs Debian's postgresql and redis-server when missing (as root; otherwise says how). */
function ensureQueuePackages() {
	if (pgBinDir() && redisServer()) return;
	if (!isRoot()) {
		throw new Error('queue mode needs PostgreSQL and Redis: run `sudo apt-get install -y postgresql redis-server` (or run this as root)');
	}
	log('installing postgresql and redis-server with apt-get');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', 'postgresql', 'redis-server'], { stdio: 'inherit', env });
	if (!pgBinDir() || !redisServer()) throw new Error('apt-get ran, but initdb or redis-server is still missing');
}

/** Runs a PostgreSQL server binary, as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(bin, args) {
	const cmd = path.join(pgBinDir(), bin);
	const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
	return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A throw-away PostgreSQL cluster with database and superuser `n8n` (trust auth, loopback only). */
async function startPostgres() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-queue-pg-'));
	if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
	const data = path.join(dir, 'data');
	const port = await freePort();
	asPostgres('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '--no-sync', '-E', 'UTF8']);
	// fsync off: a test cluster in /tmp, thrown away at the end; speed over durability.
	const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
	asPostgres('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'postgres.log'), '-w', 'start']);
	let running = true;
	const stop = () => {
		if (!running) return;
		running = false;
		try {
			asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} catch {
			/* already down */
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		execFileSync(path.join(pgBinDir(), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	} catch (e) {
		stop();
		throw e;
	}
	return { port, conn: { host: '127.0.0.1', port, user: 'n8n', database: 'n8n' }, dir, stop };
}

/** A Redis with no persistence on a free loopback port. */
async function startRedis() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-queue-redis-'));
	const port = await freePort();
	const child = spawn(redisServer(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const deadline = Date.now() + 20000;
	while (!/Ready to accept connections/.test(out)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not start:\n${out.slice(-2000)}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	let running = true;
	const stop = async () => {
		if (!running) return;
		running = false;
		child.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (child.exitCode === null) child.kill('SIGKILL');
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return { port, pid: child.pid, stop, stopSync: () => (running ? child.kill('SIGKILL') : undefined) };
}

/**
 * Starts PostgreSQL, Redis, main, `webhooks` webhook processors and `workers` workers.
 * `stop()` ends all of it and removes every folder, also after a failed start.
 */
async function startQueue({ webhooks = 2, workers = 1, echo = false } = {}) {
	ensureQueuePackages();
	const q = { pg: null, redis: null, main: null, webhooks: [], workers: [], folders: [] };
	const onExit = () => {
		// Last resort when the script dies without stop(): n8n.js kills the n8n processes itself.
		if (q.redis) q.redis.stopSync();
		if (q.pg) q.pg.stop();
	};
	process.on('exit', onExit);
	q.stop = async () => {
		const all = [q.main, ...q.webhooks, ...q.workers].filter(Boolean);
		await Promise.all(all.map((n) => n.stop({ timeoutMs: 60000 })));
		if (q.redis) await q.redis.stop();
		if (q.pg) q.pg.stop();
		for (const f of q.folders) fs.rmSync(f, { recursive: true, force: true });
		process.removeListener('exit', onExit);
	};
	try {
		q.pg = await startPostgres();
		q.redis = await startRedis();
		log(`PostgreSQL on 127.0.0.1:${q.pg.port}, Redis on 127.0.0.1:${q.redis.port}`);
		q.env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(q.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(q.pg.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_ENCRYPTION_KEY: QUEUE_ENCRYPTION_KEY,
		};
		const start = async (command, name, again) => {
			const userFolder = again ? again.userFolder : fs.mkdtempSync(path.join(os.tmpdir(), `imoje-queue-${name}-`));
			if (!again) q.folders.push(userFolder);
			const env = { ...q.env, QUEUE_HEALTH_CHECK_PORT: String(await freePort()) };
			const n = await startN8n({ userFolder, env, command, echo, timeoutMs: 300000, port: again && again.port });
			n.queueRole = { command, name };
			log(`${name} (n8n ${command}) ${again ? 're' : ''}started in ${n.startSeconds.toFixed(1)} s${command === 'worker' ? '' : ` on ${n.baseUrl}`}`);
			return n;
		};
		/** Stops one process gracefully and starts it again on the same folder and port (a redeploy). */
		q.restart = async (handle) => {
			await handle.stop({ timeoutMs: 60000 });
			const fresh = await start(handle.queueRole.command, handle.queueRole.name, handle);
			for (const list of [q.webhooks, q.workers]) {
				const i = list.indexOf(handle);
				if (i >= 0) list[i] = fresh;
			}
			if (q.main === handle) q.main = fresh;
			return fresh;
		};
		// Main first: it runs the database migrations the others expect.
		q.main = await start('start', 'main');
		const names = [...Array.from({ length: webhooks }, (_, i) => ['webhook', `webhook-${String.fromCharCode(65 + i)}`]), ...Array.from({ length: workers }, (_, i) => ['worker', `worker-${i + 1}`])];
		const started = await Promise.allSettled(names.map(([command, name]) => start(command, name)));
		started.forEach((r, i) => {
			if (r.status === 'fulfilled') (names[i][0] === 'webhook' ? q.webhooks : q.workers).push(r.value);
		});
		const failed = started.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		return q;
	} catch (e) {
		await q.stop();
		throw e;
	}
}

module.exports = { startQueue, startPostgres, startRedis, ensureQueuePackages, QUEUE_ENCRYPTION_KEY };

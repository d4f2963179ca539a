// Jest global setup for the `e2e` project (jest.config.js): installs n8n into
// the cache (once; cached after), starts the imoje simulator when
// tools/imoje-sim exists and ONE n8n with the built package loaded, creates the
// owner account, and writes where everything is to a JSON file named by
// IMOJE_E2E_INFO (inherited by the test workers). ./global-teardown.js stops it all.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./install');
const { REPO_ROOT } = require('./paths');
const { startN8n, setupOwner, freePort, DEFAULT_OWNER, PACKAGE_NAME } = require('./n8n');
const { INFO_ENV, PUBLIC_N8N_URL } = require('./index');

function log(msg) {
	process.stderr.write(`[e2e setup] ${msg}\n`);
}

/** Newest modification time (ms) of the files under `dir` matching `re`. */
function newest(dir, re) {
	let max = 0;
	if (!fs.existsSync(dir)) return max;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) max = Math.max(max, newest(p, re));
		else if (re.test(entry.name)) max = Math.max(max, fs.statSync(p).mtimeMs);
	}
	return max;
}

/** `npx jest --selectProjects e2e` does not build: say so when dist/ is older than the sources. */
function warnIfStale() {
	const src = Math.max(newest(path.join(REPO_ROOT, 'nodes'), /\.(ts|json|svg|png)$/), newest(path.join(REPO_ROOT, 'credentials'), /\.ts$/));
	const built = newest(path.join(REPO_ROOT, 'dist'), /\.js$/);
	if (!built) log('dist/ is missing: run `npm run build` (or `npm run test:e2e`, which builds first)');
	else if (src > built) log('WARNING: sources are newer than dist/; these tests run the last build. `npm run test:e2e` builds first.');
}

module.exports = async function globalSetup() {
	const t0 = Date.now();
	process.stderr.write('\n');
	warnIfStale();
	const install = await ensureInstalled();
	// The label test's browser, installed here where no test timeout runs.
	require('./labels').ensureChromium();

	const state = { n8n: null, sim: null, userFolder: null };
	globalThis.__IMOJE_E2E__ = state;
	try {
		// n8n's port is chosen first so the simulator can be told where n8n is.
		const port = Number(process.env.IMOJE_E2E_N8N_PORT || 0) || (await freePort());
		const simPath = path.join(REPO_ROOT, 'tools', 'imoje-sim', 'index.js');
		let simInfo = null;
		if (fs.existsSync(simPath)) {
			const { createSimulator } = require(simPath);
			state.sim = createSimulator({
				port: Number(process.env.IMOJE_E2E_SIM_PORT || 0),
				// Like imoje, the simulator refuses per-payment notification URLs on localhost or
				// with a port. Tests give n8n's "public" address instead and the simulator
				// delivers it to the local n8n.
				rewriteNotificationUrl: { [`${PUBLIC_N8N_URL}/`]: `http://127.0.0.1:${port}/` },
				// Except the resume URL that "Notify Wait for Payment Step" builds from n8n's
				// WEBHOOK_URL (http://127.0.0.1:<port>/webhook-waiting/...): the wait example runs
				// as shipped (examples.test.ts).
				allowLocalNotificationUrl: true,
			});
			const started = await state.sim.start();
			const c = state.sim.config;
			simInfo = {
				url: started.url,
				baseUrl: state.sim.baseUrl,
				port: state.sim.port,
				merchantId: c.merchantId,
				serviceId: c.serviceId,
				token: c.token,
				shopKey: c.shopKey,
				publicN8nUrl: PUBLIC_N8N_URL,
			};
			log(`imoje simulator on ${simInfo.url} (API ${simInfo.baseUrl})`);
		} else {
			log('tools/imoje-sim/index.js not found: running without the simulator');
		}

		state.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-e2e-n8n-'));
		state.n8n = await startN8n({
			userFolder: state.userFolder,
			port,
			echo: process.env.IMOJE_E2E_ECHO === '1',
		});
		log(`n8n ready on ${state.n8n.baseUrl} in ${state.n8n.startSeconds.toFixed(1)} s (user folder ${state.userFolder})`);
		await setupOwner(state.n8n.baseUrl, DEFAULT_OWNER);

		const info = {
			baseUrl: state.n8n.baseUrl,
			port: state.n8n.port,
			userFolder: state.userFolder,
			logFile: state.n8n.logFile,
			pid: state.n8n.pid,
			owner: { email: DEFAULT_OWNER.email, password: DEFAULT_OWNER.password },
			packageName: PACKAGE_NAME,
			installedPackageDir: state.n8n.installedPackageDir,
			sim: simInfo,
			timings: {
				installSeconds: install.seconds,
				installCached: install.cached,
				n8nStartSeconds: state.n8n.startSeconds,
				setupSeconds: (Date.now() - t0) / 1000,
			},
		};
		const infoFile = path.join(state.userFolder, 'e2e-info.json');
		fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
		process.env[INFO_ENV] = infoFile;
		log(`ready in ${info.timings.setupSeconds.toFixed(1)} s; ${INFO_ENV}=${infoFile}`);
	} catch (err) {
		// Jest does not run the teardown when the setup throws: clean up here.
		await require('./global-teardown')();
		throw err;
	}
};

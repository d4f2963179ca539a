// Jest global teardown for the `e2e` project: stops what ./global-setup.js
// started, keeps a copy of n8n's log in the cache folder (logs/e2e-n8n.log) and
// removes the temporary user folder (kept when IMOJE_E2E_KEEP=1).
const fs = require('node:fs');
const path = require('node:path');
const { paths } = require('./paths');

module.exports = async function globalTeardown() {
	const state = globalThis.__IMOJE_E2E__;
	if (!state) return;
	globalThis.__IMOJE_E2E__ = undefined;
	if (state.n8n) {
		await state.n8n.stop();
		try {
			const dir = path.join(paths().root, 'logs');
			fs.mkdirSync(dir, { recursive: true });
			fs.copyFileSync(state.n8n.logFile, path.join(dir, 'e2e-n8n.log'));
			process.stderr.write(`[e2e teardown] n8n stopped; its log is in ${path.join(dir, 'e2e-n8n.log')}\n`);
		} catch {
			/* no log to keep */
		}
	}
	if (state.sim) await state.sim.stop();
	if (state.userFolder && process.env.IMOJE_E2E_KEEP !== '1') {
		fs.rmSync(state.userFolder, { recursive: true, force: true });
	}
};

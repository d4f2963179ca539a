// The example workflows the demo imports, and the bookkeeping that lets a re-run keep
// what the user changed: a workflow is imported when it is absent, or re-imported when
// the example file changed AND the copy in n8n is still exactly what the demo put
// there. Anything the user edited (a node enabled, a parameter changed) is left alone.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const { REPO_ROOT } = require('../../test/e2e/harness/paths');
const { PACKAGE_NAME } = require('../../test/e2e/harness/n8n');

const CREDENTIAL = { id: 'ImojeSimulator01', name: 'imoje (simulator)', type: 'imojeApi' };
const TRIGGER_TYPE = `${PACKAGE_NAME}.imojeTrigger`;
const STATE_FILE = 'imoje-demo-state.json';

const sha = (value) => crypto.createHash('sha1').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');

/** A stable 16-character id for an example file, so a re-run updates instead of duplicating. */
function stableId(seed) {
	return `imojeDemo${sha(seed).slice(0, 7)}`;
}

function stableUuid(seed) {
	const h = sha(seed);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isLocalUrl(url) {
	return typeof url === 'string' && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(url);
}

function prepareWorkflow(wf, source) {
	const out = JSON.parse(JSON.stringify(wf));
	const disabled = [];
	// Credentials the demo cannot provide (a PostgreSQL server, say): imported, not published.
	const needs = [...new Set(out.nodes.flatMap((node) => Object.keys(node.credentials || {}).filter((type) => type !== CREDENTIAL.type)))];
	out.id = stableId(source);
	out.settings = out.settings || {};
	out.connections = out.connections || {};
	out.nodes.forEach((node, i) => {
		if (!node.id) node.id = stableUuid(`${source}#node${i}`);
		if (node.credentials && node.credentials.imojeApi) node.credentials.imojeApi = { id: CREDENTIAL.id, name: CREDENTIAL.name };
		// The demo runs offline: an HTTP Request to a real outside service (e.g. a Slack
		// webhook placeholder) is switched off so it neither fails nor sends traffic out.
		if (node.type === 'n8n-nodes-base.httpRequest' && !node.disabled && !isLocalUrl(node.parameters && node.parameters.url)) {
			node.disabled = true;
			disabled.push(node.name);
		}
		const isWebhook = node.type === TRIGGER_TYPE || node.type === 'n8n-nodes-base.webhook';
		if (isWebhook && !node.webhookId) node.webhookId = stableUuid(`${source}#webhook${i}`);
	});
	return { source, workflow: out, disabled, needs };
}

/** examples/*.json, with every imoje credential pointed at the demo credential. */
function loadExamples(say) {
	const dir = path.join(REPO_ROOT, 'examples');
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
	const workflows = [];
	for (const file of files) {
		let wf;
		try {
			wf = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		} catch (e) {
			say(`  ! skipping examples/${file}: ${e.message}`);
			continue;
		}
		if (!wf || !Array.isArray(wf.nodes)) {
			say(`  ! skipping examples/${file}: not a workflow (no nodes)`);
			continue;
		}
		workflows.push(prepareWorkflow(wf, `examples/${file}`));
	}
	return workflows;
}

/** What a user can change in a workflow: its name, nodes and wiring (not activation or ids of versions). */
function contentHash(wf) {
	const nodes = [...(wf.nodes || [])]
		.map(({ name, type, typeVersion, position, parameters, disabled, credentials, webhookId }) => ({
			name, type, typeVersion, position, parameters, disabled: Boolean(disabled), credentials, webhookId,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return sha({ name: wf.name, nodes, connections: wf.connections || {} });
}

function readState(userFolder) {
	try {
		return JSON.parse(fs.readFileSync(path.join(userFolder, STATE_FILE), 'utf8'));
	} catch {
		return { workflows: {} };
	}
}

function writeState(userFolder, state) {
	fs.writeFileSync(path.join(userFolder, STATE_FILE), JSON.stringify(state, null, 2));
}

/** Every workflow in n8n's database, by id (`n8n export:workflow --all`, one boot). */
async function exportedWorkflows(cli, userFolder) {
	const file = path.join(userFolder, 'cli-input', `export-${Date.now()}.json`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const res = await cli.run(['export:workflow', '--all', `--output=${file}`], { allowFailure: true });
	if (res.code !== 0 || !fs.existsSync(file)) return new Map();
	const list = JSON.parse(fs.readFileSync(file, 'utf8'));
	fs.rmSync(file, { force: true });
	return new Map((Array.isArray(list) ? list : [list]).map((wf) => [wf.id, wf]));
}

/**
 * Sorts the examples into: import (absent from n8n), update (file changed, n8n copy
 * untouched), unchanged (nothing to do) and kept (the user changed n8n's copy).
 */
async function plan(examples, { cli, userFolder }) {
	const state = readState(userFolder);
	// A folder from before this bookkeeping has workflows but no state: look, and keep them.
	const hasData = Object.keys(state.workflows).length || fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	const known = hasData ? await exportedWorkflows(cli, userFolder) : new Map();
	const result = { import: [], update: [], unchanged: [], kept: [] };
	for (const example of examples) {
		const { id } = example.workflow;
		const inN8n = known.get(id);
		const last = state.workflows[id];
		example.fileHash = sha(example.workflow);
		if (!inN8n) result.import.push(example);
		else if (!last || contentHash(inN8n) !== last.contentHash) result.kept.push(example);
		else if (last.fileHash !== example.fileHash) result.update.push(example);
		else result.unchanged.push(example);
	}
	return { state, ...result };
}

/** Remembers what was imported, as n8n stored it, so the next run can tell user edits apart. */
function remember(state, imported, { userFolder }) {
	for (const example of imported) {
		state.workflows[example.workflow.id] = { source: example.source, fileHash: example.fileHash, contentHash: contentHash(example.workflow) };
	}
	writeState(userFolder, state);
}

/** Production webhook URLs of a workflow's webhook-style nodes. */
function webhookUrls(wf, baseUrl, triggerPath) {
	const urls = [];
	for (const node of wf.nodes) {
		if (node.disabled) continue;
		if (node.type === 'n8n-nodes-base.webhook') {
			const p = String((node.parameters && node.parameters.path) || node.webhookId).replace(/^\//, '');
			const method = (node.parameters && node.parameters.httpMethod) || 'GET';
			urls.push({ node: node.name, kind: 'webhook', method, path: p, url: `${baseUrl}/webhook/${p}` });
		} else if (node.type === TRIGGER_TYPE) {
			const p = `${node.webhookId}/${triggerPath}`;
			urls.push({ node: node.name, kind: 'imoje', method: 'POST', path: p, url: `${baseUrl}/webhook/${p}`, testUrl: `${baseUrl}/webhook-test/${p}` });
		}
	}
	return urls;
}

module.exports = { CREDENTIAL, TRIGGER_TYPE, sha, stableId, loadExamples, plan, remember, readState, writeState, contentHash, webhookUrls };

// (0) What the imoje node costs n8n's own engine per item, on n8n 2.38.7's n8n-core and
// n8n-workflow (the e2e harness's install), run under that install's Node:
// - expression evaluations per item for Payment Link › Create with 5 fields written as
//   expressions; n8n's floor is 2 per field (RoutingNode reads every top-level property's
//   value, then the shown one again for its routing);
// - with fixed values, the node against the same description with our preSend and
//   postReceive steps taken out (the RoutingNode's own cost), same loopback mock.
// Run by index.js as a child process: `node scripts/bench/evaluations.js ITEMS ROUNDS`.
const path = require('node:path');
const Module = require('node:module');
const { paths } = require('../../test/e2e/harness/paths');
const { startMock } = require('./mock');
const { median, fmt } = require('./stats');

const n8nModules = path.join(paths().n8nDir, 'node_modules');
// Our built node resolves n8n-workflow to the engine's own copy, as in a real n8n.
const engine = { 'n8n-workflow': require.resolve('n8n-workflow', { paths: [n8nModules] }), 'n8n-core': require.resolve('n8n-core', { paths: [n8nModules] }) };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	return resolve.call(this, engine[request] ?? request, ...rest);
};
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Expression, ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');
const { ImojeApi } = require('../../dist/credentials/ImojeApi.credentials');
const { Imoje } = require('../../dist/nodes/Imoje/Imoje.node');
const { additionalData, credentialsHelper } = require('../../test/engine/credentials');

let evaluations = 0;
const evaluate = Expression.prototype.resolveSimpleParameterValue;
Expression.prototype.resolveSimpleParameterValue = function (value, ...rest) {
	if (typeof value === 'string' && value.startsWith('=')) evaluations += 1;
	return evaluate.call(this, value, ...rest);
};

/** The same description without our per-item steps: what the RoutingNode alone costs. */
function withoutOurSteps(nodeType) {
	const strip = (value) => {
		if (Array.isArray(value)) return value.map(strip);
		if (!value || typeof value !== 'object') return value;
		const copy = {};
		for (const [key, inner] of Object.entries(value)) if (key !== 'preSend' && key !== 'postReceive') copy[key] = strip(inner);
		return copy;
	};
	const { requestOperations, ...description } = nodeType.description;
	return { description: { ...strip(description), requestDefaults: { ...description.requestDefaults, ignoreHttpStatusErrors: false } } };
}

async function run(nodeType, parameters, items, credentials) {
	const node = { id: 'n1', name: 'imoje', type: 'n8n-nodes-imoje.imoje', typeVersion: 1, position: [0, 0], parameters, credentials: { imojeApi: { id: '1', name: 'bench' } } };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: (_n, v) => NodeHelpers.getVersionedNodeType(nodeType, v), getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'wf-bench', nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-bench', { id: 'wf-bench', name: 'bench', active: false, isArchived: false, nodes: [node], connections: {}, createdAt: new Date(), updatedAt: new Date() });
	const context = additionalData(credentialsHelper(ICredentialsHelper, new ImojeApi(), credentials), hooks);
	const data = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] } });
	const started = process.hrtime.bigint();
	const result = await new WorkflowExecute(context, 'manual', data).processRunExecutionData(workflow);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const error = result.data.resultData.error;
	if (error) throw new Error(`run failed: ${error.message}`);
	const out = result.data.resultData.runData.imoje[0].data.main[0];
	if (out.length !== items.length) throw new Error(`${out.length} items out, ${items.length} in`);
	return ms;
}

async function main() {
	const [count = 1000, rounds = 3] = process.argv.slice(2).map(Number);
	const mock = await startMock();
	const credentials = {
		environment: 'custom',
		baseUrl: `http://127.0.0.1:${mock.port}/v1/merchant`,
		merchantId: 'mrcbench0001',
		serviceId: '63f2c5a0-2b1e-4f7e-9d35-7c1a2b3c4d5e',
		authorizationToken: 'bench-token-0123456789abcdef',
	};
	const items = Array.from({ length: count }, (_, i) => ({ json: { orderId: `BENCH-${i}`, amount: 1000 + i, firstName: 'Jan', lastName: 'Kowalski', email: `jan${i}@example.com` } }));
	const base = { resource: 'paymentLink', operation: 'create', currency: 'PLN' };
	const expressions = { ...base, amount: '={{ $json.amount }}', orderId: '={{ $json.orderId }}', customerFirstName: '={{ $json.firstName }}', customerLastName: '={{ $json.lastName }}', customerEmail: '={{ $json.email }}' };
	const fixed = { ...base, amount: '1000', orderId: 'BENCH-0', customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan0@example.com' };
	try {
		const imoje = new Imoje();
		evaluations = 0;
		await run(imoje, expressions, items, credentials);
		const perItem = evaluations / count;
		console.log(`\n(0) n8n 2.38.7's engine in this process, Payment Link › Create, ${fmt(count)} items, loopback mock`);
		console.log(`  expression evaluations per item, 5 fields as expressions: ${perItem.toFixed(2)} (n8n's floor: 2 per field = 10; ours beyond it: ${(perItem - 10).toFixed(2)})`);
		const bare = withoutOurSteps(imoje);
		const times = { imoje: [], bare: [] };
		for (let round = 1; round <= rounds; round++) {
			for (const [key, nodeType] of round % 2 ? [['imoje', imoje], ['bare', bare]] : [['bare', bare], ['imoje', imoje]]) {
				evaluations = 0;
				times[key].push(await run(nodeType, fixed, items, credentials));
				if (key === 'imoje' && evaluations !== 0) console.log(`  (fixed values still evaluated ${evaluations} expressions)`);
			}
			console.log(`  round ${round}  imoje ${fmt(times.imoje[round - 1]).padStart(6)} ms   without our steps ${fmt(times.bare[round - 1]).padStart(6)} ms`);
		}
		const ratio = median(times.imoje) / median(times.bare);
		console.log(`  fixed values: imoje / the same description without our steps (medians): ${ratio.toFixed(2)}x (goal at most 1.10x)`);
		console.log(`RESULT ${JSON.stringify({ evaluationsPerItem: perItem, ratioToBare: ratio })}`);
	} finally {
		await mock.close();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error.stack || error.message);
		process.exit(1);
	},
);

// (1) The imoje node (Payment Link Create) against n8n's HTTP Request node making the
// same POSTs (same body, same headers including the Bearer token) to the same loopback
// mock, ITEMS items per run, in interleaved rounds. Each workflow is
// Webhook -> Code (makes the items) -> the node under test; the figure is the node's own
// executionTime from the saved execution, plus the whole execution's duration. Two
// variants (see FIXED): values from expressions per item, and fixed values.
const { startMock } = require('./mock');
const { median, fmt } = require('./stats');
const { log } = require('./session');

const MERCHANT = 'mrcbench0001';
const SHOP = '63f2c5a0-2b1e-4f7e-9d35-7c1a2b3c4d5e';
const TOKEN = 'bench-token-0123456789abcdef';

function itemsCode(count) {
	return `return Array.from({ length: ${count} }, (_, i) => ({ json: { orderId: 'BENCH-' + i, amount: 1000 + i, firstName: 'Jan', lastName: 'Kowalski', email: 'jan' + i + '@example.com' } }));`;
}

function workflow(name, path, count, target) {
	return {
		name,
		nodes: [
			{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ id: 'c', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: itemsCode(count) } },
			{ id: 't', position: [400, 0], ...target },
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: target.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Two ways to fill the fields: `expressions`, each item's own values from `$json` (what a
 * bulk send does), and `fixed`, the same literal values for every item (no expression in
 * either node, so what is left is each node's own work per item).
 */
const FIXED = { orderId: 'BENCH-0', amount: 1000, firstName: 'Jan', lastName: 'Kowalski', email: 'jan0@example.com' };
const valueOf = (variant, key) => (variant === 'fixed' ? FIXED[key] : `={{ $json.${key} }}`);

function imojeNode(credentialId, variant) {
	return {
		name: 'imoje',
		type: 'n8n-nodes-imoje.imoje',
		typeVersion: 1,
		credentials: { imojeApi: { id: credentialId, name: 'imoje bench' } },
		parameters: {
			resource: 'paymentLink',
			operation: 'create',
			amount: valueOf(variant, 'amount'),
			currency: 'PLN',
			orderId: valueOf(variant, 'orderId'),
			customerFirstName: valueOf(variant, 'firstName'),
			customerLastName: valueOf(variant, 'lastName'),
			customerEmail: valueOf(variant, 'email'),
		},
	};
}

function httpNode(mockPort, variant) {
	// The JSON body as a user writes it in the HTTP Request node: one template, a {{ }} per
	// field; or, fixed, plain JSON.
	const f = FIXED;
	const jsonBody =
		variant === 'fixed'
			? JSON.stringify({ serviceId: SHOP, amount: f.amount, currency: 'PLN', orderId: f.orderId, customer: { firstName: f.firstName, lastName: f.lastName, email: f.email } }, null, 2)
			: `={\n  "serviceId": "${SHOP}",\n  "amount": {{ $json.amount }},\n  "currency": "PLN",\n  "orderId": "{{ $json.orderId }}",\n  "customer": {\n    "firstName": "{{ $json.firstName }}",\n    "lastName": "{{ $json.lastName }}",\n    "email": "{{ $json.email }}"\n  }\n}`;
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `http://127.0.0.1:${mockPort}/v1/merchant/${MERCHANT}/payment`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }, { name: 'Accept', value: 'application/json' }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
	};
}

/** The parts of a request that must match: method, path, body, and the headers that carry meaning. */
function essence(req) {
	if (!req) return null;
	const h = req.headers;
	return {
		method: req.method,
		url: req.url,
		authorization: h.authorization,
		accept: h.accept,
		contentType: String(h['content-type'] || '').split(';')[0],
		body: req.body,
	};
}

async function runOnce(session, wf, mock, count) {
	const status = await session.postWebhook(wf.path, {});
	if (status !== 200) throw new Error(`webhook ${wf.path} answered ${status}`);
	wf.runs += 1;
	const [newest] = await session.waitForSuccesses(wf.id, wf.runs);
	const detail = await session.client.execution(newest.id);
	const run = detail.data.resultData.runData[wf.node][0];
	const items = run.data.main[0].length;
	if (items !== count) throw new Error(`${wf.node} returned ${items} items, expected ${count}`);
	return {
		nodeMs: run.executionTime,
		totalMs: new Date(detail.stoppedAt) - new Date(detail.startedAt),
		request: essence(mock.takeKept()),
	};
}

async function benchAction(session, { items = 1000, rounds = 3, only, variants = ['expressions', 'fixed'] } = {}) {
	const mock = await startMock();
	try {
		const cred = await session.client.createCredential({
			name: 'imoje bench',
			type: 'imojeApi',
			data: {
				environment: 'custom',
				baseUrl: `http://127.0.0.1:${mock.port}/v1/merchant`,
				merchantId: MERCHANT,
				serviceId: SHOP,
				authorizationToken: TOKEN,
				shopSecretKey: 'bench-shop-key',
			},
		});
		const results = {};
		for (const variant of variants) {
			// `only` ('imoje' or 'http') runs one side, e.g. under a profiler.
			const flows = [
				{ key: 'imoje', label: 'imoje node', node: 'imoje', target: imojeNode(cred.id, variant) },
				{ key: 'http', label: 'HTTP Request node', node: 'HTTP Request', target: httpNode(mock.port, variant) },
			].filter((f) => !only || f.key === only);
			for (const f of flows) {
				f.path = `bench-${f.key}-${variant}`;
				f.id = await session.deploy(workflow(`bench: ${f.label} (${variant})`, f.path, items, f.target));
				f.runs = 0;
				f.times = [];
				f.totals = [];
			}
			const how = variant === 'fixed' ? 'the same literal values in every item' : "each item's values from $json by expressions";
			console.log(`\n(1) Payment Link Create, ${fmt(items)} items, ${how}: imoje node vs HTTP Request node, same mock, ${rounds} interleaved rounds`);
			for (let r = 1; r <= rounds; r++) {
				// Alternate which goes first, so neither always runs on a warmer process.
				const order = r % 2 ? flows : [...flows].reverse();
				for (const f of order) {
					const res = await runOnce(session, f, mock, items);
					f.times.push(res.nodeMs);
					f.totals.push(res.totalMs);
					if (!f.request) f.request = res.request;
					console.log(`  round ${r}  ${f.label.padEnd(18)} node ${fmt(res.nodeMs).padStart(6)} ms   execution ${fmt(res.totalMs).padStart(6)} ms`);
				}
			}
			for (const f of flows) {
				console.log(`  median ${f.label.padEnd(18)} node ${fmt(median(f.times)).padStart(6)} ms   execution ${fmt(median(f.totals)).padStart(6)} ms`);
			}
			if (flows.length < 2) continue;
			const [imoje, http] = flows;
			const same = JSON.stringify(imoje.request) === JSON.stringify(http.request);
			console.log(`  identical requests (method, path, Authorization, Accept, Content-Type, body): ${same ? 'yes' : 'NO'}`);
			if (!same) console.log(`    imoje: ${JSON.stringify(imoje.request)}\n    http:  ${JSON.stringify(http.request)}`);
			const ratio = median(imoje.times) / median(http.times);
			console.log(`  ratio imoje / HTTP Request (node time, medians): ${ratio.toFixed(2)}x`);
			results[variant] = ratio;
		}
		log('action bench done');
		return results;
	} finally {
		await mock.close();
	}
}

module.exports = { benchAction };

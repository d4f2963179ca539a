#!/usr/bin/env node
// One-command demo: `npm run demo`.
// Builds the package, installs n8n once (cached in .n8n-e2e/), starts the imoje
// simulator and a real n8n with this package loaded as a community package,
// creates the owner account and an imoje credential pointing at the simulator,
// imports examples/*.json and publishes them (their webhooks answer at once), and
// prints how to log in and how to pay a link. Ctrl+C stops everything it started.
//
// The demo's n8n keeps its data in <cache>/demo/ (default .n8n-e2e/demo/): a
// re-run logs in to the same account, and the credential and example
// workflows are re-imported under the same ids (updated, not duplicated).
// `--fresh` wipes that folder first.
//
// Options (or env): --port N (IMOJE_DEMO_PORT, n8n, default 5678),
// --sim-port N (IMOJE_DEMO_SIM_PORT, default 8787), --fresh, --no-build,
// --user-folder DIR (IMOJE_DEMO_USER_FOLDER, default <cache>/demo),
// --smoke (run the example flow once by itself, print the result and exit:
// for CI and for checking the demo works).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const HARNESS = path.join(__dirname, '..', 'test', 'e2e', 'harness');
const { ensureInstalled } = require(path.join(HARNESS, 'install'));
const { REPO_ROOT, paths } = require(path.join(HARNESS, 'paths'));
const { startN8n, setupOwner, n8nCli, DEFAULT_OWNER, PACKAGE_NAME } = require(path.join(HARNESS, 'n8n'));

const CREDENTIAL = { id: 'ImojeSimulator01', name: 'imoje (simulator)', type: 'imojeApi' };
const TRIGGER_TYPE = `${PACKAGE_NAME}.imojeTrigger`;

function parseArgs(argv) {
	const args = {
		port: Number(process.env.IMOJE_DEMO_PORT || 5678),
		simPort: Number(process.env.IMOJE_DEMO_SIM_PORT || 8787),
		userFolder: process.env.IMOJE_DEMO_USER_FOLDER || '',
		fresh: false,
		build: true,
		smoke: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = a.includes('=') ? a.split('=')[1] : argv[++i];
			if (!v || !/^\d+$/.test(v)) fail(`${a.split('=')[0]} needs a port number`);
			return Number(v);
		};
		if (a.startsWith('--port')) args.port = value();
		else if (a.startsWith('--sim-port')) args.simPort = value();
		else if (a.startsWith('--user-folder')) {
			args.userFolder = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
			if (!args.userFolder) fail('--user-folder needs a folder');
		} else if (a === '--fresh') args.fresh = true;
		else if (a === '--no-build') args.build = false;
		else if (a === '--smoke') args.smoke = true;
		else if (a === '--help' || a === '-h') {
			const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
			const header = lines.slice(0, lines.findIndex((l) => !l.startsWith('//')));
			process.stdout.write(header.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
			process.exit(0);
		} else fail(`unknown option ${a} (try --help)`);
	}
	return args;
}

function say(msg = '') {
	process.stdout.write(`${msg}\n`);
}

function step(msg) {
	say(`\n▶ ${msg}`);
}

function fail(msg) {
	process.stderr.write(`\ndemo: ${msg}\n`);
	process.exit(1);
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

function runInherit(cmd, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code}`))));
	});
}

/** A stable 16-character id for an example file, so a re-run updates instead of duplicating. */
function stableId(seed) {
	return `imojeDemo${crypto.createHash('sha1').update(seed).digest('hex').slice(0, 7)}`;
}

function stableUuid(seed) {
	const h = crypto.createHash('sha1').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** examples/*.json, with every imoje credential pointed at the demo credential. */
function loadExamples() {
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
	if (workflows.length === 0) {
		// No examples yet: a minimal trigger workflow, so a settled payment still shows up in n8n.
		workflows.push(
			prepareWorkflow(
				{
					name: 'imoje demo: payment notifications',
					nodes: [
						{
							name: 'imoje Trigger',
							type: TRIGGER_TYPE,
							typeVersion: 1,
							position: [0, 0],
							parameters: {},
							credentials: { imojeApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
						},
					],
					connections: {},
					settings: { executionOrder: 'v1' },
				},
				'built-in demo trigger',
			),
		);
	}
	return workflows;
}

function prepareWorkflow(wf, source) {
	const out = JSON.parse(JSON.stringify(wf));
	const disabled = [];
	out.id = stableId(source);
	out.settings = out.settings || {};
	out.connections = out.connections || {};
	out.nodes.forEach((node, i) => {
		if (!node.id) node.id = stableUuid(`${source}#node${i}`);
		if (node.credentials && node.credentials.imojeApi) {
			node.credentials.imojeApi = { id: CREDENTIAL.id, name: CREDENTIAL.name };
		}
		// The demo runs offline: an HTTP Request to a real outside service (e.g. a Slack
		// webhook placeholder) is switched off so it neither fails nor sends traffic out.
		if (node.type === 'n8n-nodes-base.httpRequest' && !node.disabled && !isLocalUrl(node.parameters && node.parameters.url)) {
			node.disabled = true;
			disabled.push(node.name);
		}
		const isWebhook = node.type === TRIGGER_TYPE || node.type === 'n8n-nodes-base.webhook';
		if (isWebhook && !node.webhookId) node.webhookId = stableUuid(`${source}#webhook${i}`);
	});
	return { source, workflow: out, disabled };
}

function isLocalUrl(url) {
	return typeof url === 'string' && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(url);
}

/** Production webhook URLs of a workflow's webhook-style nodes. */
function webhookUrls(wf, baseUrl, triggerPath) {
	const urls = [];
	for (const node of wf.nodes) {
		if (node.disabled) continue;
		if (node.type === 'n8n-nodes-base.webhook') {
			const p = String((node.parameters && node.parameters.path) || node.webhookId).replace(/^\//, '');
			const method = (node.parameters && node.parameters.httpMethod) || 'GET';
			urls.push({ node: node.name, kind: 'webhook', method, url: `${baseUrl}/webhook/${p}` });
		} else if (node.type === TRIGGER_TYPE) {
			urls.push({ node: node.name, kind: 'imoje', method: 'POST', url: `${baseUrl}/webhook/${node.webhookId}/${triggerPath}` });
		}
	}
	return urls;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const t0 = Date.now();
	const cache = paths();
	const userFolder = path.resolve(args.userFolder || path.join(cache.root, 'demo'));
	let n8n;
	let sim;
	let stopping = false;

	async function stopAll(code) {
		if (stopping) return;
		stopping = true;
		say('\n▶ stopping…');
		if (n8n) await n8n.stop().catch(() => undefined);
		if (sim) await sim.stop().catch(() => undefined);
		say(`stopped n8n and the simulator. Data kept in ${userFolder} (npm run demo -- --fresh to start over).`);
		process.exit(code);
	}
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	for (const [port, what, flag] of [
		[args.port, 'n8n', '--port'],
		[args.simPort, 'the imoje simulator', '--sim-port'],
	]) {
		if (!(await portFree(port))) fail(`port ${port} (for ${what}) is in use; pick another with ${flag} N`);
	}

	if (args.build) {
		step('building the package (npm run build)');
		await runInherit('npm', ['run', 'build']);
	} else if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		fail('dist/ is missing: run without --no-build');
	}

	step('installing n8n (cached after the first run)');
	await ensureInstalled();

	if (args.fresh) {
		step(`--fresh: removing ${userFolder}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	fs.mkdirSync(userFolder, { recursive: true });

	const baseUrl = `http://127.0.0.1:${args.port}`;
	const simUrl = `http://127.0.0.1:${args.simPort}`;
	const { createSimulator } = require(path.join(REPO_ROOT, 'tools', 'imoje-sim'));
	const simDefaults = createSimulator({}).config; // defaults only; nothing listens
	const credentialData = {
		environment: 'custom',
		baseUrl: `${simUrl}/v1/merchant`,
		merchantId: simDefaults.merchantId,
		serviceId: simDefaults.serviceId,
		authorizationToken: simDefaults.token,
		shopSecretKey: simDefaults.shopKey,
	};

	// Imports go in through n8n's CLI before the server starts (the REST API cannot
	// set ids, and fixed ids make a re-run update instead of duplicate).
	const cli = n8nCli({ userFolder, port: args.port });
	step(`creating the credential "${CREDENTIAL.name}" (points at the simulator)`);
	await cli.importCredentials([{ ...CREDENTIAL, data: credentialData }]);

	const examples = loadExamples();
	step(`importing ${examples.length} workflow(s)`);
	const imported = [];
	try {
		await cli.importWorkflows(examples.map((e) => e.workflow)); // one n8n boot for all
		imported.push(...examples);
	} catch {
		for (const example of examples) {
			try {
				await cli.importWorkflow(example.workflow);
				imported.push(example);
			} catch (e) {
				say(`  ! ${example.source}: import failed: ${e.message.split('\n').slice(0, 3).join(' ')}`);
			}
		}
	}
	for (const { source, workflow, disabled } of imported) {
		say(`  ✓ ${workflow.name}  (${source})`);
		if (disabled.length) say(`    switched off for the offline demo: ${disabled.join(', ')} (put in your own URL and enable it)`);
	}

	step('starting n8n with the package loaded');
	n8n = await startN8n({ userFolder, port: args.port });
	say(`  n8n ${baseUrl} ready in ${n8n.startSeconds.toFixed(1)} s (log: ${n8n.logFile})`);
	const loadErrors = n8n.loadErrors();
	if (loadErrors.length) say(`  ! n8n reported problems loading ${PACKAGE_NAME}:\n${loadErrors.join('\n')}`);

	let client;
	try {
		client = await setupOwner(baseUrl, DEFAULT_OWNER);
	} catch (e) {
		say(`  ! could not set up or log in to the owner account (${e.message}).`);
		say('    If you changed its password in n8n, log in with yours, or run: npm run demo -- --fresh');
	}
	if (client) {
		step('publishing the workflows that start from a webhook or trigger');
		for (const item of imported) {
			const starts = item.workflow.nodes.some((n) => !n.disabled && /trigger|webhook/i.test(n.type) && n.type !== 'n8n-nodes-base.manualTrigger');
			if (!starts) continue;
			try {
				await client.activateWorkflow(item.workflow.id);
				item.published = true;
				say(`  ✓ ${item.workflow.name}`);
			} catch (e) {
				say(`  ! ${item.workflow.name}: not published: ${e.message}`);
			}
		}
	}
	let triggerPath = 'imoje';
	if (client) {
		const types = await client.nodeTypes();
		const trig = types.find((t) => t.name === TRIGGER_TYPE);
		if (!trig) say(`  ! n8n did not load ${TRIGGER_TYPE}: see ${n8n.logFile}`);
		else if (trig.webhooks && trig.webhooks[0] && trig.webhooks[0].path) triggerPath = trig.webhooks[0].path;
	}

	const triggerWf = imported.find((i) => i.published && i.workflow.nodes.some((n) => n.type === TRIGGER_TYPE && !n.disabled));
	const notificationUrl = triggerWf ? webhookUrls(triggerWf.workflow, baseUrl, triggerPath).find((u) => u.kind === 'imoje').url : undefined;

	step('starting the imoje simulator');
	sim = createSimulator({ port: args.simPort, notificationUrl });
	await sim.start();
	say(`  simulator ${sim.baseUrl}${notificationUrl ? `\n  it sends payment notifications to ${notificationUrl}\n  (the imoje Trigger of "${triggerWf.workflow.name}")` : ''}`);

	n8n.exited.then(() => {
		if (!stopping) {
			process.stderr.write(`\ndemo: n8n stopped unexpectedly; see ${n8n.logFile}\n`);
			stopAll(1);
		}
	});

	printGuide({ args, baseUrl, simUrl, imported, triggerPath, credentialData, t0 });

	if (args.smoke) {
		const ok = await smoke({ client, baseUrl, simUrl, imported, triggerWf });
		await stopAll(ok ? 0 : 1);
	}
}

function printGuide({ baseUrl, simUrl, imported, triggerPath, credentialData, t0 }) {
	const line = '─'.repeat(72);
	say(`\n${line}`);
	say(`imoje demo ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	say(line);
	say(`n8n editor   ${baseUrl}`);
	say(`  e-mail     ${DEFAULT_OWNER.email}`);
	say(`  password   ${DEFAULT_OWNER.password}`);
	say(`credential   "${CREDENTIAL.name}" (Credentials tab): Custom Base URL ${credentialData.baseUrl},`);
	say(`             Merchant ID ${credentialData.merchantId}, Shop ID ${credentialData.serviceId}`);
	say(`simulator    ${simUrl}/_sim  (state: ${simUrl}/_sim/state)`);
	if (imported.length) {
		say('\nworkflows:');
		for (const { workflow, published } of imported) {
			say(`  • ${workflow.name}${published ? '' : ' (not published)'}  ${baseUrl}/workflow/${workflow.id}`);
			for (const u of webhookUrls(workflow, baseUrl, triggerPath)) say(`      ${u.method} ${u.url}`);
		}
	}
	const crm = imported.find((i) => i.workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook' && n.parameters && n.parameters.path === 'crm-deal-won'));
	say('\ntry a payment:');
	let n = 1;
	if (crm) {
		say(`  ${n++}. create a payment link through n8n (the "${crm.workflow.name}" workflow):`);
		say(`     curl -s -X POST ${baseUrl}/webhook/crm-deal-won -H 'content-type: application/json' \\`);
		say(`       -d '${JSON.stringify(sampleDeal())}'`);
		say('     it answers with paymentId and paymentUrl');
	} else {
		say(`  ${n++}. create a payment link with the imoje node (resource Payment Link, operation Create) in any workflow;`);
		say('     its output has the link id and url');
	}
	say(`  ${n++}. pay it: open the paymentUrl in a browser (buttons: pay, reject, …) or settle it directly:`);
	say(`     curl -s -X POST ${simUrl}/_sim/payments/<paymentId>/settle`);
	say(`  ${n++}. the simulator sends a signed notification to the imoje Trigger; see the run in n8n: Overview › Executions`);
	say('     (other outcomes: POST /_sim/payments/<id>/pay with {"status":"rejected"}, /expire; see tools/imoje-sim/README.md)');
	say(`\nCtrl+C stops n8n and the simulator.${''}`);
	say(line);
}

function sampleDeal() {
	return {
		dealId: 'D-1001',
		value: 249.99,
		currency: 'PLN',
		contact: { firstName: 'Anna', lastName: 'Nowak', email: 'anna.nowak@example.com' },
	};
}

/** --smoke: the guide's steps, done by the script; true when a notification ran the trigger workflow. */
async function smoke({ client, baseUrl, simUrl, imported, triggerWf }) {
	step('--smoke: running the example flow');
	const crm = imported.find((i) => i.workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook' && n.parameters && n.parameters.path === 'crm-deal-won'));
	if (!client || !triggerWf) {
		say('  ✗ no owner login or no published imoje Trigger workflow');
		return false;
	}
	let paymentId;
	if (crm) {
		const res = await fetch(`${baseUrl}/webhook/crm-deal-won`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(sampleDeal()),
		});
		const text = await res.text();
		say(`  POST /webhook/crm-deal-won -> ${res.status} ${text.slice(0, 300)}`);
		try {
			const body = JSON.parse(text);
			paymentId = (Array.isArray(body) ? body[0] : body).paymentId;
		} catch {
			/* reported below */
		}
	}
	if (!paymentId) {
		say('  ✗ no payment link id from the CRM example');
		return false;
	}
	const before = (await client.executions(triggerWf.workflow.id)).length;
	const settle = await fetch(`${simUrl}/_sim/payments/${paymentId}/settle`, { method: 'POST' });
	say(`  POST /_sim/payments/${paymentId}/settle -> ${settle.status}`);
	try {
		const execs = await client.waitForExecutions(triggerWf.workflow.id, before + 1, { timeoutMs: 30000 });
		const detail = await client.execution(execs[0].id);
		const trig = triggerWf.workflow.nodes.find((n) => n.type === TRIGGER_TYPE);
		const runs = detail.data.resultData.runData[trig.name] || [];
		const item = runs[0] && runs[0].data && runs[0].data.main[0] && runs[0].data.main[0][0];
		say(`  ✓ "${triggerWf.workflow.name}" ran (execution ${execs[0].id}, ${execs[0].status})`);
		if (item) say(`    trigger output: ${JSON.stringify(item.json).slice(0, 400)}`);
		return Boolean(item);
	} catch (e) {
		say(`  ✗ ${e.message}`);
		return false;
	}
}

main().catch((err) => {
	process.stderr.write(`\ndemo failed: ${err.message}\n`);
	process.exit(1);
});

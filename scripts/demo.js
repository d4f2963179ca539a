#!/usr/bin/env node
// One-command demo: `npm run demo`.
// Builds the package, installs n8n once (cached in .n8n-e2e/), starts the imoje
// simulator and a real n8n with this package loaded as a community package,
// creates the owner account and an imoje credential pointing at the simulator,
// imports examples/*.json and publishes them (their webhooks answer at once), and
// prints how to log in and how to pay a link. Ctrl+C stops everything it started.
//
// The demo's n8n keeps its data in <cache>/demo/ (default .n8n-e2e/demo/). A
// re-run keeps the user's work: the account and its login, the credential unless
// the simulator's address changed, and every example workflow the user edited;
// an example is imported only when absent, or updated when its file changed and
// n8n's copy is still the one the demo imported. `--fresh` wipes that folder first.
// Every example opens with a sticky note, and the demo prints a sample request
// for each (--smoke runs them all: the refund one twice within a second; the
// wait-until-paid one until its execution waits, then pays the link in the simulator
// and checks the execution resumed paid, and once more letting a link expire). The
// simulator also delivers notifications to imoje Triggers' Test URLs, so a trigger's
// "Execute step" (listening for a test event)
// gets them; where it sends them (POST /_sim/test-webhooks) is kept in the user folder
// (imoje-sim-targets.json) for the next run.
//
// Options (or env): --port N (IMOJE_DEMO_PORT, n8n, default 5678),
// --sim-port N (IMOJE_DEMO_SIM_PORT, default 8787), --fresh, --no-build,
// --user-folder DIR (IMOJE_DEMO_USER_FOLDER, default <cache>/demo),
// --smoke (run every sample request and a payment once by itself, print the
// results and exit: for CI and for checking the demo works).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const HARNESS = path.join(__dirname, '..', 'test', 'e2e', 'harness');
const { ensureInstalled } = require(path.join(HARNESS, 'install'));
const { REPO_ROOT, paths } = require(path.join(HARNESS, 'paths'));
const { startN8n, setupOwner, n8nCli, PACKAGE_NAME } = require(path.join(HARNESS, 'n8n'));
const { CREDENTIAL, TRIGGER_TYPE, sha, loadExamples, plan, remember, webhookUrls } = require('./demo/workflows');
const { samplesFor, printGuide, smoke } = require('./demo/tour');

/** The simulator's file in the user folder: where it sends test events (see tools/imoje-sim/README.md). */
const SIM_STATE_FILE = 'imoje-sim-targets.json';

/** One line on where the simulator sends test events. */
function describeTestTargets({ all, shops }, restored) {
	const where = (setting) => (!setting ? 'nowhere (off)' : setting.url ? setting.url : "each trigger's own Test URL (/webhook-test/…)");
	const parts = [`test events (copies of each notification): ${where(all)}`];
	for (const [serviceId, setting] of Object.entries(shops)) parts.push(`for shop ${serviceId.slice(0, 8)}…: ${where(setting)}`);
	return `${parts.join('; ')}${restored ? ' (as you set it last time)' : ''}`;
}

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

/** Imports what plan() says is new or updatable; reports what it kept. Returns every example. */
async function importExamples(cli, userFolder) {
	const examples = loadExamples(say);
	const planned = await plan(examples, { cli, userFolder });
	const toImport = [...planned.import, ...planned.update];
	step(`example workflows: ${planned.import.length} new, ${planned.update.length} updated, ${planned.unchanged.length} unchanged, ${planned.kept.length} kept as you left them`);
	const imported = [];
	if (toImport.length) {
		try {
			await cli.importWorkflows(toImport.map((e) => e.workflow)); // one n8n boot for all
			imported.push(...toImport);
		} catch {
			for (const example of toImport) {
				try {
					await cli.importWorkflow(example.workflow);
					imported.push(example);
				} catch (e) {
					say(`  ! ${example.source}: import failed: ${e.message.split('\n').slice(0, 3).join(' ')}`);
				}
			}
		}
		remember(planned.state, imported, { userFolder });
	}
	for (const example of examples) {
		const { source, workflow, disabled } = example;
		example.fresh = imported.includes(example);
		if (example.fresh) {
			say(`  ✓ ${workflow.name}  (${source}${planned.update.includes(example) ? ', updated' : ''})`);
			if (disabled.length) say(`    switched off for the offline demo: ${disabled.join(', ')} (put in your own URL and enable it)`);
		} else if (planned.kept.includes(example)) {
			say(`  = ${workflow.name}: kept as you left it (${source} is not re-imported; --fresh starts over)`);
		}
	}
	return { examples, state: planned.state };
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
	// set ids, and fixed ids let a re-run find what it imported before).
	const cli = n8nCli({ userFolder, port: args.port });
	const { examples, state } = await importExamples(cli, userFolder);
	// The credential is written only when the simulator it points at changed, so a
	// user's own edits to it survive a plain re-run.
	if (state.credentialHash !== sha(credentialData)) {
		step(`creating the credential "${CREDENTIAL.name}" (points at the simulator)`);
		await cli.importCredentials([{ ...CREDENTIAL, data: credentialData }]);
		state.credentialHash = sha(credentialData);
		remember(state, [], { userFolder });
	}

	step('starting n8n with the package loaded');
	n8n = await startN8n({ userFolder, port: args.port });
	say(`  n8n ${baseUrl} ready in ${n8n.startSeconds.toFixed(1)} s (log: ${n8n.logFile})`);
	const loadErrors = n8n.loadErrors();
	if (loadErrors.length) say(`  ! n8n reported problems loading ${PACKAGE_NAME}:\n${loadErrors.join('\n')}`);

	let client;
	try {
		client = await setupOwner(baseUrl);
	} catch (e) {
		say(`  ! could not set up or log in to the owner account (${e.message}).`);
		say('    If you changed its password in n8n, log in with yours, or run: npm run demo -- --fresh');
	}
	if (client) await publish(client, examples);
	let triggerPath = 'imoje';
	if (client) {
		const types = await client.nodeTypes();
		const trig = types.find((t) => t.name === TRIGGER_TYPE);
		if (!trig) say(`  ! n8n did not load ${TRIGGER_TYPE}: see ${n8n.logFile}`);
		else if (trig.webhooks && trig.webhooks[0] && trig.webhooks[0].path) triggerPath = trig.webhooks[0].path;
	}

	const triggerWf = examples.find((i) => i.published && i.workflow.nodes.some((n) => n.type === TRIGGER_TYPE && !n.disabled));
	const notificationUrl = triggerWf ? webhookUrls(triggerWf.workflow, baseUrl, triggerPath).find((u) => u.kind === 'imoje').url : undefined;

	step('starting the imoje simulator');
	// testWebhooks: each notification also goes once to the /webhook-test/ twin of its
	// address, which n8n listens on while a trigger's "Execute step" waits for a test
	// event. stateFile: a Test URL the user set (POST /_sim/test-webhooks) is kept there
	// and restored here, so a trigger they added gets test events after a restart too.
	// allowLocalNotificationUrl: a payment created with "Notify Wait for Payment Step" carries
	// this n8n's resume URL (http://127.0.0.1:<port>/webhook-waiting/...), which imoje would
	// refuse (localhost, a port); the demo's simulator accepts it.
	sim = createSimulator({
		port: args.simPort, notificationUrl, testWebhooks: true, allowLocalNotificationUrl: true, stateFile: path.join(userFolder, SIM_STATE_FILE),
	});
	await sim.start();
	say(`  simulator ${sim.baseUrl}${notificationUrl ? `\n  it sends payment notifications to ${notificationUrl}\n  (the imoje Trigger of "${triggerWf.workflow.name}")` : ''}`);
	const testTarget = describeTestTargets(sim.getTestWebhooks(), sim.restoredTestWebhooks);
	say(`  ${testTarget}`);

	n8n.exited.then(() => {
		if (!stopping) {
			process.stderr.write(`\ndemo: n8n stopped unexpectedly; see ${n8n.logFile}\n`);
			stopAll(1);
		}
	});

	const shown = examples.filter((e) => e.workflow);
	const samples = await samplesFor(shown, { baseUrl, simUrl, triggerPath, credentialData });
	printGuide({ baseUrl, simUrl, imported: shown, triggerPath, credentialData, samples, t0, testTarget });

	if (args.smoke) {
		const ok = await smoke({ client, simUrl, samples, triggerWf });
		await stopAll(ok ? 0 : 1);
	}
}

/**
 * Publishes the examples just imported that start from a webhook or trigger (an
 * import leaves a workflow unpublished). The others are left as they are: n8n
 * keeps a published workflow published, and one the user unpublished stays so.
 */
async function publish(client, examples) {
	step('publishing the new workflows that start from a webhook or trigger');
	for (const item of examples) {
		let stored;
		try {
			stored = await client.getWorkflow(item.workflow.id);
		} catch {
			continue; // not in n8n (its import failed)
		}
		item.workflow = { ...item.workflow, name: stored.name, nodes: stored.nodes, connections: stored.connections };
		item.published = Boolean(stored.active);
		const starts = stored.nodes.some((n) => !n.disabled && /trigger|webhook/i.test(n.type) && n.type !== 'n8n-nodes-base.manualTrigger');
		if (!item.fresh || !starts) continue;
		if (item.needs && item.needs.length) {
			say(`  - ${item.workflow.name}: not published, it needs a ${item.needs.join(', ')} credential (add one, then publish it in n8n)`);
			continue;
		}
		try {
			await client.activateWorkflow(item.workflow.id);
			item.published = true;
			say(`  ✓ ${item.workflow.name}`);
		} catch (e) {
			say(`  ! ${item.workflow.name}: not published: ${e.message}`);
		}
	}
}

main().catch((err) => {
	process.stderr.write(`\ndemo failed: ${err.message}\n`);
	process.exit(1);
});

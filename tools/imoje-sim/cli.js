#!/usr/bin/env node
'use strict';
// Starts the imoje simulator: `node tools/imoje-sim/cli.js [--port 8787] ...` (or `npm run sim`).
// Every flag has an IMOJE_SIM_* environment variable twin; flags win.
const { createSimulator } = require('./index');
const { HELP } = require('./control');

const FLAGS = {
	'--port': ['port', 'IMOJE_SIM_PORT', Number],
	'--host': ['host', 'IMOJE_SIM_HOST', String],
	'--merchant-id': ['merchantId', 'IMOJE_SIM_MERCHANT_ID', String],
	'--service-id': ['serviceId', 'IMOJE_SIM_SERVICE_ID', String],
	'--token': ['token', 'IMOJE_SIM_TOKEN', String],
	'--shop-key': ['shopKey', 'IMOJE_SIM_SHOP_KEY', String],
	'--notification-url': ['notificationUrl', 'IMOJE_SIM_NOTIFICATION_URL', String],
	'--alg': ['alg', 'IMOJE_SIM_ALG', String],
	'--retry-scale': ['retryScale', 'IMOJE_SIM_RETRY_SCALE', Number],
	'--refund-interval-ms': ['refundIntervalMs', 'IMOJE_SIM_REFUND_INTERVAL_MS', Number],
	'--rewrite-notification-url': ['rewriteNotificationUrl', 'IMOJE_SIM_REWRITE_NOTIFICATION_URL', parseRewrite],
	'--deliver-external': ['deliverExternal', 'IMOJE_SIM_DELIVER_EXTERNAL', (v) => v === '' || v === 'true' || v === '1'],
	'--allow-local-notification-url': ['allowLocalNotificationUrl', 'IMOJE_SIM_ALLOW_LOCAL_NOTIFICATION_URL', (v) => v === '' || v === 'true' || v === '1'],
	'--test-webhooks': ['testWebhooks', 'IMOJE_SIM_TEST_WEBHOOKS', parseTestWebhooks],
	'--state-file': ['stateFile', 'IMOJE_SIM_STATE_FILE', String],
	'--verbose': ['verbose', 'IMOJE_SIM_VERBOSE', (v) => v === '' || v === 'true' || v === '1'],
};
const BOOLEAN_FLAGS = ['--deliver-external', '--allow-local-notification-url', '--verbose'];
/** Flags whose value is optional: alone they mean "on". */
const OPTIONAL_VALUE_FLAGS = ['--test-webhooks'];

/** --test-webhooks (on, derived /webhook-test/ URLs), --test-webhooks=URL (on, to URL), =false/0 (off). */
function parseTestWebhooks(v) {
	if (v === '' || v === 'true' || v === '1') return true;
	if (v === 'false' || v === '0') return false;
	return { url: v };
}

/** "https://public.example/hook=http://127.0.0.1:5678/webhook" (several separated by ","). */
function parseRewrite(v) {
	const out = {};
	for (const pair of v.split(',').filter(Boolean)) {
		const i = pair.indexOf('=');
		if (i <= 0) throw new Error(`--rewrite-notification-url wants FROM=TO, got ${pair}`);
		out[pair.slice(0, i)] = pair.slice(i + 1);
	}
	return out;
}

function parseArgs(argv, env) {
	const opts = { port: 8787 };
	for (const [, [key, envName, conv]] of Object.entries(FLAGS)) {
		if (env[envName] !== undefined && env[envName] !== '') opts[key] = conv(env[envName]);
	}
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		if (flag === '--help' || flag === '-h') return { help: true };
		const spec = FLAGS[flag];
		if (!spec) throw new Error(`unknown option ${flag} (try --help)`);
		let value = inline;
		if (value === undefined && OPTIONAL_VALUE_FLAGS.includes(flag)) value = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '';
		if (value === undefined) value = BOOLEAN_FLAGS.includes(flag) ? '' : argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		opts[spec[0]] = spec[2](value);
	}
	if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0-65535');
	return opts;
}

function usage() {
	return `Usage: node tools/imoje-sim/cli.js [options]   (or: npm run sim -- [options])
${Object.entries(FLAGS).map(([f, [, env]]) => `  ${f.padEnd(28)} env ${env}`).join('\n')}
Defaults: --port 8787 --host 127.0.0.1 --merchant-id sim-merchant --token sim-token --shop-key sim-shop-key`;
}

async function main() {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2), process.env);
	} catch (e) {
		console.error(`${e.message}\n\n${usage()}`);
		process.exit(2);
	}
	if (opts.help) {
		console.log(usage());
		return;
	}
	const { verbose, ...simOptions } = opts;
	if (verbose) simOptions.logger = (line) => console.log(`[imoje-sim] ${line}`);
	const sim = createSimulator(simOptions);
	const { url } = await sim.start();
	const c = sim.credentialInfo();
	console.log(`imoje simulator listening on ${url}

n8n credential "Imoje API":
  Environment          Custom Base URL
  Base URL             ${c.baseUrl}
  Merchant ID          ${c.merchantId}
  Shop ID              ${c.serviceId}
  Authorization Token  ${c.authorizationToken}
  Shop Key             ${c.shopKey}

Notifications go to each payment's notificationUrl, else the shop-level address:
  ${c.notificationUrl || '(none set: start with --notification-url http://127.0.0.1:5678/webhook/...)'}
${sim.getTestWebhooks().all ? `Test webhooks on: each notification also goes once to n8n's /webhook-test/ URL (a trigger's "Execute step", while it is listening for a test event).
` : ''}
Control endpoints (no auth), on ${url}:
${HELP.map((l) => `  ${l}`).join('\n')}

Seeded card profiles for cid sim-customer-1 (ONE_CLICK, RECURRING) and sim-customer-2 (inactive).
Titles: TEST-100000 settles at once, TEST-100010 is a provider error. Ctrl+C stops.`);

	let stopping = false;
	const shutdown = (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping imoje simulator`);
		sim.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((e) => {
		console.error(e && e.stack ? e.stack : e);
		process.exit(1);
	});
}

module.exports = { parseArgs, parseRewrite, parseTestWebhooks };

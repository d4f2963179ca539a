#!/usr/bin/env node
// `npm run test:load [-- options]`: signed, distinct imoje notifications into a REAL n8n
// (2.38.7, SQLite, the package installed as a community package, as the e2e harness runs
// it), to the imoje Trigger and, in the same run, to a plain n8n Webhook node as the
// baseline. Prints what was answered and what n8n stored, per notification: nothing
// answered 200 may be lost, nothing may run twice.
//
// Modes (one per run):
//   (default)          N notifications at concurrency C to each workflow, one after the
//                      other: answered, stored, lost, duplicates, 5xx, executions/s, peak
//                      RSS, n8n CPU per notification, and the trigger's ratios to the
//                      Webhook node (the goal: at least 0.95x webhook-expr's executions/s).
//   --kill-after K     SIGKILLs n8n right after the K-th 200 answer, restarts it, and checks
//                      that every notification answered 200 has a stored execution
//                      (trigger, then webhook). --n defaults to 4 x K here.
//   --dupes            20 simultaneous copies of one notification; the same one re-sent
//                      after --gap other notifications, and again after an n8n restart
//                      (trigger only): how many executions each started.
//   --waits W          Wait for Payment (issue 15): W executions of Payment Link › Create -> imoje
//                      Wait for Payment, each for its own link in the imoje simulator, all
//                      waiting at once; then each link's signed "settled" notification to its
//                      execution's resume URL at concurrency C, each sent twice more as imoje's
//                      retries would (after the answer, then 1 s later): waiting before,
//                      answered, resumed, each exactly once, lost, 5xx, what the copies got
//                      (see scripts/load/waits.js). --waits-via resume-url takes the address
//                      from $execution.resumeUrl instead of the link's notificationUrl;
//                      --waits-copy together sends the second copy at the same moment as the
//                      first instead (a stress beyond imoje's: n8n answers the loser of the race
//                      500, "already being resumed"; counted as a WARN, never lost).
// Options: --n N (default 300), --concurrency C (default 20), --gap G (default 300),
//   --targets trigger,webhook,webhook-expr (which, in that order; default webhook,trigger;
//     webhook-expr: the Webhook node with one option as an expression, for which n8n takes an
//     expression isolate per request as it does for the trigger),
//   --trigger-params '{"dropDuplicates":false}' (the trigger node's parameters, default {}),
//   --n8n-env NAME=VALUE (extra n8n environment, repeatable, e.g. to try n8n settings),
//   --keep (keep n8n's user folder), --echo (copy n8n's output here).
// The lead's figures: --n 10000 --concurrency 50; --n 2000 --kill-after 300; --dupes --gap 2000; --waits 100.
// Exit code 1 when a check fails. Needs `npm run build` first (npm run test:load does it).
const fs = require('node:fs');
const { testShop, runTag } = require('./notifications');
const { createTriggerWorkflow, createWebhookWorkflow } = require('./targets');
const { throughput, killTest, dupesTest } = require('./modes');
const { waitsTest, PUBLIC_WEBHOOK_URL } = require('./waitMode');
const { openSession, say } = require('./session');

function parseArgs(argv) {
	const args = { n: 0, concurrency: 20, killAfter: 0, dupes: false, waits: 0, waitsVia: 'create', waitsCopy: 'after', gap: 300, targets: ['webhook', 'trigger'], triggerParams: {}, n8nEnv: {}, keep: false, echo: false };
	const num = (flag, v) => {
		if (!/^\d+$/.test(v || '') || Number(v) < 1) throw new Error(`${flag} needs a positive whole number`);
		return Number(v);
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--n') args.n = num(flag, value());
		else if (flag === '--concurrency') args.concurrency = num(flag, value());
		else if (flag === '--kill-after') args.killAfter = num(flag, value());
		else if (flag === '--gap') args.gap = num(flag, value());
		else if (flag === '--dupes') args.dupes = true;
		else if (flag === '--waits') args.waits = num(flag, value());
		else if (flag === '--waits-via') {
			args.waitsVia = value();
			if (!['create', 'resume-url'].includes(args.waitsVia)) throw new Error('--waits-via takes create or resume-url');
		} else if (flag === '--waits-copy') {
			args.waitsCopy = value();
			if (!['together', 'after'].includes(args.waitsCopy)) throw new Error('--waits-copy takes together or after');
		}
		else if (flag === '--keep') args.keep = true;
		else if (flag === '--echo') args.echo = true;
		else if (flag === '--n8n-env') {
			const v = argv[i].includes('=', flag.length + 1) ? argv[i].slice(flag.length + 1) : argv[++i];
			const eq = (v || '').indexOf('=');
			if (eq < 1) throw new Error('--n8n-env takes NAME=VALUE');
			args.n8nEnv[v.slice(0, eq)] = v.slice(eq + 1);
		} else if (flag === '--trigger-params') {
			const v = argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[++i];
			try {
				args.triggerParams = JSON.parse(v);
			} catch {
				throw new Error('--trigger-params takes the node parameters as JSON');
			}
		} else if (flag === '--targets') {
			args.targets = value().split(',');
			if (!args.targets.length || args.targets.some((t) => !['trigger', 'webhook', 'webhook-expr'].includes(t))) throw new Error('--targets takes trigger, webhook, webhook-expr');
		} else if (flag === '--help' || flag === '-h') {
			const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
			process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
			process.exit(0);
		} else throw new Error(`unknown option ${argv[i]} (see --help)`);
	}
	if (!args.n) args.n = args.killAfter ? args.killAfter * 4 : 300;
	if (args.killAfter && args.killAfter >= args.n) throw new Error('--kill-after must be below --n');
	if (args.waits && (args.dupes || args.killAfter)) throw new Error('--waits is a mode of its own: leave out --dupes and --kill-after');
	return args;
}

/** The trigger and Webhook-node modes: publish the targets, run the chosen mode. */
async function notificationsTest(session, ctx, args) {
	const targets = [];
	for (const name of args.targets) {
		targets.push(
			name === 'trigger'
				? await createTriggerWorkflow(session.client, ctx.shop, { parameters: args.triggerParams })
				: await createWebhookWorkflow(session.client, { expression: name === 'webhook-expr' }),
		);
	}
	say(`workflows published: ${targets.map((t) => `${t.name} /webhook/${t.path}`).join(', ')}; notification ids ${ctx.tag}-*`);
	const mode = args.dupes ? dupesTest : args.killAfter ? killTest : throughput;
	return await mode(session, targets, ctx, args);
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`${e.message}\n`);
		process.exit(2);
	}
	if (args.dupes) args.targets = ['trigger'];
	// imoje (and the simulator) take only a public notificationUrl without a port: n8n's
	// waiting-webhook addresses get a public-looking host, the calls still go to 127.0.0.1.
	const env = args.waits ? { WEBHOOK_URL: PUBLIC_WEBHOOK_URL, ...args.n8nEnv } : args.n8nEnv;
	const session = await openSession({ echo: args.echo, keep: args.keep, env });
	// Ctrl+C: stop n8n and remove its folder before leaving.
	process.once('SIGINT', () => session.close().finally(() => process.exit(130)));
	let passed = false;
	try {
		const ctx = { shop: testShop(), tag: runTag() };
		passed = args.waits ? await waitsTest(session, ctx, args) : await notificationsTest(session, ctx, args);
	} finally {
		await session.close();
	}
	process.exitCode = passed ? 0 : 1;
}

main().catch((e) => {
	process.stderr.write(`test:load failed: ${e.stack || e.message}\n`);
	process.exit(1);
});

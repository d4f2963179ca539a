#!/usr/bin/env node
// `npm run test:queue`: the imoje Trigger in n8n's queue mode. Starts PostgreSQL and Redis
// (Debian's packages, installed with apt-get when missing and run as root), one main, two
// webhook processors (A, B) and one worker (test/e2e/harness/queue.js), publishes an imoje
// Trigger workflow on main, then checks:
//   - a valid notification is answered 200 {"status":"ok"} by A and by B;
//   - a forged one (signed with another key) is refused by A and by B and starts nothing;
//   - the executions run on the worker (its log names each stored execution);
//   - de-duplication: the same notification sent to A twice, to A then to B, to A and B at
//     the same moment, to A and then to B once A's run has ended, --pairs times each, and the
//     A-twice ones once more after restarting A: how many ran twice (printed), and the size
//     of the workflow's static data in the database afterwards (where n8n keeps what a
//     node remembers between requests).
//   - the guard example (examples/payment-settled-once.json, see scripts/load/guard.js): its
//     action runs once per notification sent to A and B at the same moment.
//   - Wait for Payment (issue 15, scripts/load/queueWaits.js): --waits executions started
//     through A wait at once, each link's settled notification resumes its execution through
//     A (a copy at once through B, another 1 s later through A): each resumed once, on the worker.
// Exit code 1 when a hard check fails (valid refused, forged accepted, executions not on
// the worker, the guard example's action not once, a wait not resumed exactly once on the
// worker); the de-duplication figures are printed.
// Options: --pairs N (default 20), --waits N (default 20; 0 leaves them out), --waits-copy
// together (the copy through B at the same moment as A's call, instead of as A answers;
// n8n answers the loser 500, counted as a WARN), --echo (copy
// n8n's output here). Everything started is
// stopped and its folders removed at the end, also on failure or Ctrl+C.
const { startQueue } = require('../../test/e2e/harness/queue');
const { setupOwner } = require('../../test/e2e/harness/n8n');
const { testShop, runTag, refPattern, signedNotification } = require('./notifications');
const { post, byStatus, OK_BODY } = require('./sender');
const { createTriggerWorkflow, settle } = require('./targets');
const { readPostgres, queryPostgres } = require('./executions');
const { printChecks } = require('./report');
const { guardExample } = require('./guard');
const { queueWaits } = require('./queueWaits');

function parseArgs(argv) {
	const args = { pairs: 20, waits: 20, waitsCopy: 'after', echo: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		if (flag === '--pairs') {
			args.pairs = Number(inline !== undefined ? inline : argv[++i]);
			if (!Number.isInteger(args.pairs) || args.pairs < 1) throw new Error('--pairs needs a positive whole number');
		} else if (flag === '--waits') {
			args.waits = Number(inline !== undefined ? inline : argv[++i]);
			if (!Number.isInteger(args.waits) || args.waits < 0) throw new Error('--waits needs a whole number');
		} else if (flag === '--waits-copy') {
			args.waitsCopy = inline !== undefined ? inline : argv[++i];
			if (!['together', 'after'].includes(args.waitsCopy)) throw new Error('--waits-copy takes together or after');
		} else if (flag === '--echo') args.echo = true;
		else if (flag === '--help' || flag === '-h') {
			const lines = require('node:fs').readFileSync(__filename, 'utf8').split('\n').slice(1);
			process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
			process.exit(0);
		} else throw new Error(`unknown option ${argv[i]} (see --help)`);
	}
	return args;
}

const say = (msg) => process.stderr.write(`[queue ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function checks(q, args) {
	const client = await setupOwner(q.main.baseUrl);
	const shop = testShop();
	const tag = runTag();
	const target = await createTriggerWorkflow(client, shop, { name: 'queue: imoje Trigger' });
	const [A, B] = q.webhooks;
	const url = (proc) => `${proc.baseUrl}/webhook/${target.path}`;
	say(`trigger published on main; sending to A ${url(A)} and B ${url(B)}`);

	const valid = { A: signedNotification(shop, `${tag}-va-0`), B: signedNotification(shop, `${tag}-vb-0`) };
	const forged = { A: signedNotification(shop, `${tag}-fa-0`, { forgedKey: 'not-the-shop-key' }), B: signedNotification(shop, `${tag}-fb-0`, { forgedKey: 'not-the-shop-key' }) };
	const answers = {};
	for (const [name, proc] of [['A', A], ['B', B]]) {
		answers[`valid ${name}`] = await post(url(proc), valid[name]);
		answers[`forged ${name}`] = await post(url(proc), forged[name]);
	}

	// De-duplication: A twice, A then B (B only once A has answered), and both at once.
	const pairs = { sameProcessor: [], sequential: [], simultaneous: [], afterRun: [] };
	for (let i = 0; i < args.pairs; i++) {
		const n = signedNotification(shop, `${tag}-aa-${i}`);
		pairs.sameProcessor.push({ ...n, answers: [await post(url(A), n), await post(url(A), n)] });
	}
	for (let i = 0; i < args.pairs; i++) {
		const n = signedNotification(shop, `${tag}-ab-${i}`);
		pairs.sequential.push({ ref: n.ref, answers: [await post(url(A), n), await post(url(B), n)] });
	}
	for (let i = 0; i < args.pairs; i++) {
		const n = signedNotification(shop, `${tag}-at-${i}`);
		pairs.simultaneous.push({ ref: n.ref, answers: await Promise.all([post(url(A), n), post(url(B), n)]) });
	}
	for (let i = 0; i < args.pairs; i++) {
		const n = signedNotification(shop, `${tag}-al-${i}`);
		pairs.afterRun.push({ ...n, answers: [await post(url(A), n)] });
	}
	// Once those runs have ended (the worker has saved what they recorded), the same ones to B.
	await settle(client, [target.workflowId], { quietMs: 4000 });
	for (const p of pairs.afterRun) p.answers.push(await post(url(B), p));
	// A redeploy of processor A: does it still know the notifications it ran?
	await settle(client, [target.workflowId], { quietMs: 4000 });
	const before = (await readPostgres(q.pg.conn, refPattern(tag)))[target.workflowId] || { refs: {} };
	await q.restart(A);
	const again = [];
	for (const p of pairs.sameProcessor) {
		const n = { ref: p.ref, raw: p.raw, headers: p.headers };
		again.push({ ref: p.ref, answers: [await post(url(q.webhooks[0]), n)] });
	}
	await settle(client, [target.workflowId], { quietMs: 4000 });
	const wf = (await readPostgres(q.pg.conn, refPattern(tag)))[target.workflowId] || { refs: {}, total: 0, byStatus: {} };
	const runs = (ref) => (wf.refs[ref] || []).length;
	const [stored] = await queryPostgres(q.pg.conn, 'SELECT "staticData" AS s FROM workflow_entity WHERE id = $1', [target.workflowId]);
	const staticBytes = stored && stored.s ? Buffer.byteLength(typeof stored.s === 'string' ? stored.s : JSON.stringify(stored.s)) : 0;

	const workerLog = q.workers.map((w) => w.log()).join('\n');
	const executions = Object.values(wf.refs).flat();
	const ids = [...new Set(executions.map((e) => e.id))];
	const onWorker = ids.filter((id) => new RegExp(`Worker started execution ${id}\\b`).test(workerLog));
	const line = (k) => `${answers[k].status} ${answers[k].body || answers[k].error || ''}`.trim();
	const dedupe = (list, count = runs) => ({
		once: list.filter((p) => count(p.ref) === 1).length,
		twice: list.filter((p) => count(p.ref) === 2).length,
		none: list.filter((p) => count(p.ref) === 0).length,
		answered: byStatus(list.flatMap((p) => p.answers)),
	});
	// Counted before the restart: these notifications were sent once more after it.
	const same = dedupe(pairs.sameProcessor, (ref) => (before.refs[ref] || []).length);
	// Each of these ran before the restart: any new run means A did not remember it.
	const rerun = again.filter((p) => runs(p.ref) > (before.refs[p.ref] || []).length).length;
	const afterRestart = { rerun, answered: byStatus(again.flatMap((p) => p.answers)) };
	const seq = dedupe(pairs.sequential);
	const sim = dedupe(pairs.simultaneous);
	const afterRun = dedupe(pairs.afterRun);
	const guard = await guardExample({ q, client, shop, tag, pairs: args.pairs });
	process.stdout.write(
		[
			'\nimoje Trigger in queue mode (main + webhook processors A, B + 1 worker; PostgreSQL, Redis)',
			`  valid on A:    ${line('valid A')}  -> executions: ${runs(valid.A.ref)}`,
			`  valid on B:    ${line('valid B')}  -> executions: ${runs(valid.B.ref)}`,
			`  forged on A:   ${line('forged A')}  -> executions: ${runs(forged.A.ref)}`,
			`  forged on B:   ${line('forged B')}  -> executions: ${runs(forged.B.ref)}`,
			`  executions stored: ${wf.total} (${Object.entries(wf.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')}); started by the worker: ${onWorker.length} of ${ids.length}`,
			`  same notification to A twice, ${args.pairs} times: ran twice ${same.twice}, once ${same.once}, never ${same.none} (answers ${JSON.stringify(same.answered)})`,
			`  the A-twice notifications once more after restarting A: ran again ${afterRestart.rerun} of ${args.pairs} (answers ${JSON.stringify(afterRestart.answered)})`,
			`  same notification to A, then B, ${args.pairs} times: ran twice ${seq.twice}, once ${seq.once}, never ${seq.none} (answers ${JSON.stringify(seq.answered)})`,
			`  same notification to A and B at once, ${args.pairs} times: ran twice ${sim.twice}, once ${sim.once}, never ${sim.none} (answers ${JSON.stringify(sim.answered)})`,
			`  same notification to A, then to B once A's run had ended, ${args.pairs} times: ran twice ${afterRun.twice}, once ${afterRun.once}, never ${afterRun.none} (answers ${JSON.stringify(afterRun.answered)})`,
			`  workflow static data in the database afterwards: ${staticBytes} bytes`,
			...guard.lines,
		].join('\n') + '\n',
	);
	const waits = args.waits ? await queueWaits({ q, client, shop, tag, count: args.waits, together: args.waitsCopy === 'together' }) : { checks: [] };
	const accepted = (k) => answers[k].status === 200 && answers[k].body === OK_BODY;
	return printChecks([
		{ what: 'valid notification answered 200 {"status":"ok"} by A and by B', pass: accepted('valid A') && accepted('valid B') },
		{ what: 'each valid notification ran once', pass: runs(valid.A.ref) === 1 && runs(valid.B.ref) === 1 },
		{ what: 'forged notification refused by A and by B (non-200)', pass: answers['forged A'].status !== 200 && answers['forged B'].status !== 200 },
		{ what: 'forged notifications started nothing', pass: runs(forged.A.ref) === 0 && runs(forged.B.ref) === 0 },
		{ what: `every execution ran on the worker (${onWorker.length} of ${ids.length})`, pass: ids.length > 0 && onWorker.length === ids.length },
		{ what: `A then B: every notification ran at least once (never: ${seq.none})`, pass: seq.none === 0 },
		...guard.checks,
		...waits.checks,
	]);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const t0 = Date.now();
	const q = await startQueue({ webhooks: 2, workers: 1, echo: args.echo });
	process.once('SIGINT', () => q.stop().finally(() => process.exit(130)));
	let passed = false;
	try {
		passed = await checks(q, args);
	} finally {
		await q.stop();
		say(`everything stopped and removed (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
	}
	process.exitCode = passed ? 0 : 1;
}

main().catch((e) => {
	process.stderr.write(`test:queue failed: ${e.stack || e.message}\n`);
	process.exit(1);
});

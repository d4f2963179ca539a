// Figures of one load phase (what was answered, what n8n stored) and how they print.
const { byStatus } = require('./sender');

const EMPTY = { total: 0, byStatus: {}, noRef: 0, refs: {} };

/**
 * Figures of the notifications in `records` (only theirs: a workflow may have had others).
 * @param {object} o
 * @param {Array} o.records the sender's records for this phase
 * @param {object} [o.wf] the workflow's summary from executions.js
 * @param {number} o.startedAt when the first notification was sent (ms)
 * @param {number} o.endedAt when the last answer came (ms)
 * @param {object} [o.rss] peak memory from rss.js
 */
function phaseFigures({ records, wf = EMPTY, startedAt, endedAt, rss }) {
	const executionsOf = (ref) => wf.refs[ref] || [];
	const refs = [...new Set(records.map((r) => r.ref))];
	const executions = refs.flatMap(executionsOf);
	const storedByStatus = {};
	for (const e of executions) storedByStatus[e.status] = (storedByStatus[e.status] || 0) + 1;
	const succeeded = executions.filter((e) => e.status === 'success');
	const lastStop = succeeded.reduce((max, e) => Math.max(max, e.stoppedAt), 0);
	const spanMs = Math.max(lastStop, endedAt) - startedAt;
	const answered200 = records.filter((r) => r.status === 200);
	const dupRefs = refs.filter((ref) => executionsOf(ref).length > 1);
	return {
		sent: records.length,
		answered: byStatus(records),
		status200: answered200.length,
		okBody: records.filter((r) => r.ok).length,
		stored: executions.length,
		storedByStatus,
		/** Executions of the workflow with no notification id in their data (not counted above). */
		storedWithoutRef: wf.noRef,
		/** Notifications sent that have at least one stored execution. */
		withExecution: refs.filter((ref) => executionsOf(ref).length > 0).length,
		answered200Stored: answered200.filter((r) => executionsOf(r.ref).length > 0).length,
		lost: answered200.filter((r) => executionsOf(r.ref).length === 0).length,
		/** Answered 200 and stored, but n8n marked the execution crashed (killed mid-run): it can be retried from the list. */
		answered200Crashed: answered200.filter((r) => executionsOf(r.ref).some((e) => e.status === 'crashed')).length,
		/** Never answered (n8n died first), yet stored: imoje retries these. */
		unansweredStored: records.filter((r) => !r.status && executionsOf(r.ref).length > 0).length,
		duplicates: dupRefs.length,
		extraExecutions: dupRefs.reduce((n, ref) => n + executionsOf(ref).length - 1, 0),
		status5xx: records.filter((r) => r.status >= 500).length,
		success: succeeded.length,
		seconds: spanMs / 1000,
		perSecond: spanMs > 0 ? succeeded.length / (spanMs / 1000) : 0,
		rss,
	};
}

/** CPU milliseconds n8n spent per notification sent in the phase. */
const cpuMsPer = (f) => (f.rss && f.rss.cpuSeconds !== undefined && f.sent ? (f.rss.cpuSeconds * 1000) / f.sent : NaN);

const fmt = (o) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ');

function printPhase(title, f) {
	const out = [
		`\n${title}`,
		`  sent:                ${f.sent}`,
		`  answered:            ${fmt(f.answered)}`,
		`  200 count:           ${f.status200} (body exactly {"status":"ok"}: ${f.okBody})`,
		`  executions stored:   ${f.stored} (${fmt(f.storedByStatus) || 'none'}${f.storedWithoutRef ? `; the workflow also has ${f.storedWithoutRef} without a notification id` : ''})`,
		`  lost:                ${f.lost} (answered 200, no execution stored)`,
		`  duplicates:          ${f.duplicates} notifications ran more than once (${f.extraExecutions} extra executions)`,
		`  5xx:                 ${f.status5xx}`,
		`  executions/s:        ${f.perSecond.toFixed(1)} (${f.success} successful in ${f.seconds.toFixed(1)} s, first send to last execution end)`,
	];
	if (f.rss) out.push(`  peak RSS:            ${f.rss.n8nMb} MB n8n, ${f.rss.withRunnerMb} MB with its task runner`);
	if (f.rss && f.rss.cpuSeconds !== undefined && f.sent) out.push(`  n8n CPU time:        ${f.rss.cpuSeconds.toFixed(1)} s (${cpuMsPer(f).toFixed(1)} ms per notification, with its task runner)`);
	process.stdout.write(out.join('\n') + '\n');
}

/** Prints PASS/FAIL per check; returns whether every hard check passed. */
function printChecks(checks) {
	process.stdout.write('\nchecks:\n');
	let ok = true;
	for (const c of checks) {
		process.stdout.write(`  ${c.pass ? 'PASS' : c.soft ? 'WARN' : 'FAIL'}  ${c.what}\n`);
		if (!c.pass && !c.soft) ok = false;
	}
	return ok;
}

module.exports = { phaseFigures, printPhase, printChecks, cpuMsPer, EMPTY };

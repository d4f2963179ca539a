// Figures of one load phase (what was answered, what n8n stored) and how they print.
const { byStatus } = require('./sender');

const EMPTY = { total: 0, byStatus: {}, noRef: 0, refs: {}, firstStartedAt: 0, lastStoppedAt: 0 };

/**
 * @param {object} o
 * @param {Array} o.records the sender's records for this phase
 * @param {object} [o.wf] the workflow's summary from executions.js
 * @param {number} o.startedAt when the first notification was sent (ms)
 * @param {number} o.endedAt when the last answer came (ms)
 */
function phaseFigures({ records, wf = EMPTY, startedAt, endedAt, rss }) {
	const answered200 = records.filter((r) => r.status === 200);
	const executionsOf = (ref) => (wf.refs[ref] || []).length;
	const refs = new Set(records.map((r) => r.ref));
	const dupRefs = [...refs].filter((ref) => executionsOf(ref) > 1);
	const success = wf.byStatus.success || 0;
	const spanMs = Math.max(wf.lastStoppedAt || 0, endedAt) - startedAt;
	return {
		sent: records.length,
		answered: byStatus(records),
		status200: answered200.length,
		okBody: records.filter((r) => r.ok).length,
		stored: wf.total,
		storedByStatus: wf.byStatus,
		storedWithoutRef: wf.noRef,
		/** Notifications sent that have at least one stored execution. */
		withExecution: [...refs].filter((ref) => executionsOf(ref) > 0).length,
		answered200Stored: answered200.filter((r) => executionsOf(r.ref) > 0).length,
		lost: answered200.filter((r) => executionsOf(r.ref) === 0).length,
		duplicates: dupRefs.length,
		extraExecutions: dupRefs.reduce((n, ref) => n + executionsOf(ref) - 1, 0),
		status5xx: records.filter((r) => r.status >= 500).length,
		success,
		seconds: spanMs / 1000,
		perSecond: spanMs > 0 ? success / (spanMs / 1000) : 0,
		rss,
	};
}

const fmt = (o) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ');

function printPhase(title, f) {
	const out = [
		`\n${title}`,
		`  sent:                ${f.sent}`,
		`  answered:            ${fmt(f.answered)}`,
		`  200 count:           ${f.status200} (body exactly {"status":"ok"}: ${f.okBody})`,
		`  executions stored:   ${f.stored} (${fmt(f.storedByStatus) || 'none'}${f.storedWithoutRef ? `; ${f.storedWithoutRef} without a notification id` : ''})`,
		`  lost:                ${f.lost} (answered 200, no execution stored)`,
		`  duplicates:          ${f.duplicates} notifications ran more than once (${f.extraExecutions} extra executions)`,
		`  5xx:                 ${f.status5xx}`,
		`  executions/s:        ${f.perSecond.toFixed(1)} (${f.success} successful in ${f.seconds.toFixed(1)} s, first send to last execution end)`,
	];
	if (f.rss) out.push(`  peak RSS:            ${f.rss.n8nMb} MB n8n, ${f.rss.withRunnerMb} MB with its task runner`);
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

module.exports = { phaseFigures, printPhase, printChecks, EMPTY };

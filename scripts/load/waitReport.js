// Figures of a Wait for Payment load run (scripts/load/waits.js) and how they print: what
// the resume calls were answered, how each waiting execution ended, and the checks.
const { byStatus } = require('./sender');

/** The three calls per payment: imoje's notification and the two copies its retries would send. */
const COPIES = ['first', 'atOnce', 'later'];

/** An answer's code and message (n8n's error bodies also carry a stack trace). */
function briefly(a) {
	if (!a.status) return a.error || '';
	try {
		const body = JSON.parse(a.body);
		if (body && typeof body === 'object') return JSON.stringify({ code: body.code, message: body.message, status: body.status });
	} catch {
		/* not JSON */
	}
	return String(a.body || '').slice(0, 160);
}

/**
 * @param {object} o
 * @param {number} o.expected executions started (one payment each)
 * @param {Array<{ ref: string, executionId: string }>} o.waiting executions seen `waiting` before any notification
 * @param {Array<{ ref: string, executionId: string, answers: Record<string, { status: number }> }>} o.sends the calls per payment, by copy
 * @param {Record<string, { status: string, afterRuns: number, out?: { paid?: boolean, ended?: string } }>} o.final each execution after the run
 * @param {Record<string, number>} [o.refusals] per execution, how often n8n logged that it failed a call
 *   because another call was resuming the same execution ("Execution is already being resumed by
 *   another process", or its waiting webhook reading the execution half-written): answered 500
 */
function waitFigures({ expected, waiting, sends, final, refusals = {} }) {
	const all = sends.flatMap((s) => COPIES.filter((c) => s.answers[c]).map((c) => s.answers[c]));
	const of = (s) => final[s.executionId] || { status: 'missing', afterRuns: 0 };
	const isResumed = (f) => f.status === 'success' && f.afterRuns >= 1 && Boolean(f.out) && f.out.ended === 'notification' && f.out.paid === true;
	const count200 = (s) => COPIES.filter((c) => s.answers[c] && s.answers[c].status === 200).length;
	const finalByStatus = {};
	for (const s of sends) finalByStatus[of(s).status] = (finalByStatus[of(s).status] || 0) + 1;
	const statuses = all.map((a) => a.status);
	/** The bodies (or errors) n8n gave with each status other than 200, execution ids as N, counted: tells a 409 "running" from a 409 "finished". */
	const bodies = {};
	for (const a of all) {
		if (a.status === 200) continue;
		const key = a.status ? String(a.status) : 'no answer';
		const text = briefly(a).replace(/\d+/g, 'N');
		bodies[key] ||= {};
		bodies[key][text] = (bodies[key][text] || 0) + 1;
	}
	return {
		expected,
		waitingBefore: waiting.length,
		payments: sends.length,
		answered: Object.fromEntries([...COPIES.map((c) => [c, byStatus(sends.map((s) => s.answers[c]).filter(Boolean))]), ['all', byStatus(all)]]),
		/** Payments whose three calls got at least one 200 (imoje stops retrying at the first). */
		with200: sends.filter((s) => count200(s) > 0).length,
		/** Payments where more than one of the three calls got 200. */
		twice200: sends.filter((s) => count200(s) > 1).length,
		resumed: sends.filter((s) => isResumed(of(s))).length,
		exactlyOnce: sends.filter((s) => isResumed(of(s)) && of(s).afterRuns === 1).length,
		moreThanOnce: sends.filter((s) => of(s).afterRuns > 1).length,
		/** Answered 200 at least once, yet the execution did not go on paid. */
		lost: sends.filter((s) => count200(s) > 0 && !isResumed(of(s))).length,
		stillWaiting: sends.filter((s) => of(s).status === 'waiting').length,
		finalByStatus,
		status5xx: statuses.filter((st) => st >= 500).length,
		/** 500s of executions that resumed exactly once, each matched by one refusal n8n logged for it. */
		refused5xx: sends.reduce((n, s) => {
			const count = COPIES.filter((c) => s.answers[c] && s.answers[c].status === 500).length;
			return n + (isResumed(of(s)) && of(s).afterRuns === 1 ? Math.min(count, refusals[s.executionId] || 0) : 0);
		}, 0),
		status409: statuses.filter((st) => st === 409).length,
		noAnswer: statuses.filter((st) => !st).length,
		/** Neither 200 nor n8n's 409: 401, 404, 5xx, no answer. */
		unexpected: statuses.filter((st) => st !== 200 && st !== 409).length,
		calls: all.length,
		bodies,
	};
}

const fmt = (o) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';

/** The printed block; `extra` lines go at its end. */
function printWaits(title, f, extra = []) {
	const out = [
		`\n${title}`,
		`  waiting before:      ${f.waitingBefore} of ${f.expected}`,
		`  calls sent:          ${f.calls} (${f.payments} payments x 3: the notification and two copies)`,
		`  answered, 1st:       ${fmt(f.answered.first)}`,
		`  answered, 2nd copy:  ${fmt(f.answered.atOnce)}`,
		`  answered, 3rd copy:  ${fmt(f.answered.later)}`,
		`  payments with a 200: ${f.with200} (more than one 200: ${f.twice200})`,
		`  resumed (paid):      ${f.resumed}`,
		`  each exactly once:   ${f.exactlyOnce} (ran on more than once: ${f.moreThanOnce})`,
		`  lost:                ${f.lost} (answered 200, execution did not go on paid; still waiting: ${f.stillWaiting})`,
		`  5xx:                 ${f.status5xx}${f.refused5xx ? ` (${f.refused5xx} of them n8n failing a second resume of an execution another call was resuming, as its log says for that execution)` : ''}`,
		`  409:                 ${f.status409} (n8n's answer to a call for an execution that runs or has finished: not a failure, but imoje retries anything but 200)`,
		`  executions after:    ${fmt(f.finalByStatus)}`,
		...Object.entries(f.bodies).flatMap(([status, texts]) => Object.entries(texts).map(([text, n]) => `  ${`${status} said:`.padEnd(21)}${text} (${n}x)`)),
		...extra,
	];
	process.stdout.write(out.join('\n') + '\n');
}

/** PASS/FAIL lines for printChecks. `label` prefixes each (e.g. "queue: "). */
function waitChecks(f, label = '') {
	return [
		{ what: `${label}every execution was waiting before the notifications (${f.waitingBefore} of ${f.expected})`, pass: f.waitingBefore === f.expected && f.expected > 0 },
		{ what: `${label}every payment's notification got a 200 (${f.with200} of ${f.expected})`, pass: f.with200 === f.expected },
		{ what: `${label}every execution resumed paid by the notification (${f.resumed} of ${f.expected})`, pass: f.resumed === f.expected },
		{ what: `${label}each exactly once (${f.exactlyOnce} of ${f.expected}, more than once: ${f.moreThanOnce})`, pass: f.exactlyOnce === f.expected && f.moreThanOnce === 0 },
		{ what: `${label}0 lost (${f.lost})`, pass: f.lost === 0 },
		{ what: `${label}0 5xx other than n8n refusing a second resume (${f.status5xx - f.refused5xx})`, pass: f.status5xx === f.refused5xx },
		// A hard failure would be wrong (nothing is lost: another call resumed the execution), a pass would hide them.
		...(f.refused5xx ? [{ what: `${label}${f.refused5xx} calls answered 500 by n8n as a second resume of an execution (a copy that came while another call was resuming it; imoje would retry and get 409)`, pass: false, soft: true }] : []),
		{ what: `${label}every call answered 200 or 409, or 500 for a second resume (others: ${f.unexpected - f.refused5xx})`, pass: f.unexpected === f.refused5xx },
	];
}

module.exports = { waitFigures, printWaits, waitChecks, COPIES };

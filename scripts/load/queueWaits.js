// Wait for Payment in queue mode, for scripts/load/queue.js: executions started through webhook
// processor A run on the worker up to the wait; each link's settled notification goes to A
// (a copy to B at the same moment, or as A answers with `together: false`, as a load balancer
// in front of both would spread imoje's deliveries, and a third to A 1 s later); the resumed
// runs must run on the worker, once each.
//
// The resume address is `$execution.resumeUrl` + `/imoje`, not the link's notificationUrl from
// Create: in this harness each n8n process has its own WEBHOOK_URL (127.0.0.1 and its own port),
// which imoje, and so the simulator, refuse as a notificationUrl. A real queue setup gives every
// process the same public WEBHOOK_URL; `npm run test:load -- --waits N` covers the Create option.
const { waitsRun, startSimulator } = require('./waits');
const { printWaits, waitChecks } = require('./waitReport');

/** `Worker started execution <id> (job …)` lines per execution id, over all workers' logs. */
function workerStarts(workers, ids) {
	const log = workers.map((w) => w.log()).join('\n');
	const counts = {};
	for (const id of ids) counts[id] = (log.match(new RegExp(`Worker started execution ${id} \\(job`, 'g')) || []).length;
	return counts;
}

async function queueWaits({ q, client, shop, tag, count, together = true }) {
	const sim = await startSimulator(shop);
	try {
		const [A, B] = q.webhooks;
		const run = await waitsRun({
			client,
			sim,
			shop,
			tag,
			count,
			concurrency: Math.min(count, 20),
			startBaseUrl: A.baseUrl,
			resumeBaseUrl: A.baseUrl,
			copyBaseUrl: B.baseUrl,
			together,
			viaCreate: false,
			logs: () => q.webhooks.map((w) => w.log()).join('\n'),
			name: 'queue: Wait for Payment',
		});
		const starts = workerStarts(q.workers, run.executionIds);
		const values = Object.values(starts);
		// One job for the run up to the wait, one for the resumed run.
		const twice = values.filter((n) => n === 2).length;
		const more = values.filter((n) => n > 2).length;
		const none = values.filter((n) => n === 0).length;
		const lines = [
			...run.lines,
			`  on the worker:          ${twice} of ${values.length} executions started there twice (before the wait, after it); more often: ${more}; never: ${none}`,
		];
		const copy = together ? 'the second copy through B at the same moment' : 'the second copy through B as A answers';
		printWaits(`Wait for Payment in queue mode: ${count} executions started through webhook processor A, resumed through A (${copy}, the third through A 1 s later)`, run.figures, lines);
		return {
			checks: [
				...waitChecks(run.figures, 'waits: '),
				{ what: `waits: every execution ran on the worker before and after its wait, once each (${twice} of ${values.length})`, pass: values.length === count && twice === count },
			],
		};
	} finally {
		await sim.stop();
	}
}

module.exports = { queueWaits, workerStarts };

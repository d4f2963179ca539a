// `npm run test:load -- --waits W` (see load.js --help and waits.js): Wait for Payment in one
// n8n (SQLite), the imoje simulator in this process as imoje's API.
const { waitsRun, startSimulator } = require('./waits');
const { printWaits, waitChecks } = require('./waitReport');
const { printChecks } = require('./report');
const { say } = require('./session');

/** n8n's WEBHOOK_URL for this mode: a host imoje would accept in a notificationUrl (no localhost, no port). */
const PUBLIC_WEBHOOK_URL = 'https://n8n-load.imoje.test/';

async function waitsTest(session, ctx, args) {
	const sim = await startSimulator(ctx.shop);
	say(`imoje simulator on ${sim.url} (API ${sim.baseUrl})`);
	try {
		const viaCreate = args.waitsVia === 'create';
		const run = await waitsRun({
			client: session.client,
			sim,
			shop: ctx.shop,
			tag: ctx.tag,
			count: args.waits,
			concurrency: args.concurrency,
			startBaseUrl: session.n8n.baseUrl,
			resumeBaseUrl: session.n8n.baseUrl,
			viaCreate,
			together: args.waitsCopy === 'together',
			logs: () => session.n8n.log(),
		});
		const copy = args.waitsCopy === 'together' ? 'the second copy at the same moment as the first' : 'the second copy as the first is answered';
		printWaits(`Wait for Payment: ${args.waits} executions waiting at once, notifications at concurrency ${args.concurrency}, each sent 3 times (${copy}, the third 1 s later)`, run.figures, run.lines);
		return printChecks([
			...waitChecks(run.figures),
			...(viaCreate ? [{ what: `the link's notificationUrl (Create, Notify Wait for Payment Step) is $execution.resumeUrl + /imoje (${run.sameAddress} of ${run.targets})`, pass: run.sameAddress === run.targets }] : []),
		]);
	} finally {
		await sim.stop();
	}
}

module.exports = { waitsTest, PUBLIC_WEBHOOK_URL };

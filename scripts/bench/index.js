#!/usr/bin/env node
// `npm run bench [-- engine action trigger signature size] [--items N] [--rounds N] [--notifications N]`
// Figures, not assertions: nothing here fails on a slow result. The n8n sections use the
// e2e harness's n8n (set IMOJE_E2E_CACHE to share an existing install; IMOJE_E2E_N8N_VERSION
// for another n8n). IMOJE_BENCH_PACKAGE_DIR measures another build of the package,
// IMOJE_BENCH_N8N_NODE_OPTIONS passes options such as --cpu-prof to n8n's Node.
const { startSession, log } = require('./session');
const { benchAction } = require('./action');
const { benchTrigger } = require('./trigger');
const { benchSignature } = require('./signature');
const { benchSize } = require('./size');
const { benchEngine } = require('./engine');

const SECTIONS = ['engine', 'action', 'trigger', 'signature', 'size'];

function parseArgs(argv) {
	const opts = { sections: [], items: 1000, rounds: 3, notifications: 500, concurrency: 50 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const num = () => {
			const v = Number(argv[++i]);
			if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a positive whole number`);
			return v;
		};
		if (a === '--items') opts.items = num();
		else if (a === '--rounds') opts.rounds = num();
		else if (a === '--notifications') opts.notifications = num();
		else if (a === '--concurrency') opts.concurrency = num();
		else if (SECTIONS.includes(a)) opts.sections.push(a);
		else throw new Error(`unknown argument ${a}; sections: ${SECTIONS.join(', ')}`);
	}
	if (opts.sections.length === 0) opts.sections = SECTIONS;
	return opts;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	console.log(`n8n-nodes-imoje benchmarks (${new Date().toISOString()}, Node ${process.version} here; n8n runs on the harness's Node)`);
	const needsN8n = opts.sections.some((s) => s === 'action' || s === 'trigger');
	const session = needsN8n ? await startSession() : undefined;
	try {
		if (opts.sections.includes('engine')) await benchEngine(opts);
		if (opts.sections.includes('action')) await benchAction(session, opts);
		if (opts.sections.includes('trigger')) await benchTrigger(session, { count: opts.notifications, concurrency: opts.concurrency });
		if (opts.sections.includes('signature')) benchSignature();
		if (opts.sections.includes('size')) benchSize();
	} finally {
		if (session) await session.stop();
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		log(`FAILED: ${err.stack || err.message}`);
		process.exit(1);
	},
);

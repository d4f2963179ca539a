// Sends notifications to one URL at a fixed concurrency over kept-alive sockets, as
// imoje's senders would under a burst, and records what each one was answered.
const http = require('node:http');

const OK_BODY = '{"status":"ok"}';

/**
 * One POST; resolves `{ status, body }` or `{ status: 0, error }` (never rejects), so a
 * refused connection or a reset counts as "no answer" instead of ending the run.
 */
function post(url, { raw, headers }, { agent, timeoutMs = 120000 } = {}) {
	return new Promise((resolve) => {
		const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(raw) }, timeout: timeoutMs }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body.length < 2000 ? (body += d) : undefined));
			res.on('end', () => resolve({ status: res.statusCode, body }));
			res.on('error', (e) => resolve({ status: 0, error: e.code || e.message }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e) => resolve({ status: 0, error: e.code || e.message }));
		req.end(raw);
	});
}

/**
 * Sends `items` (from `make(i)`, built lazily so 10,000 bodies are never all in memory)
 * with `concurrency` requests in flight. `onAnswer(record, stats)` runs as each answer
 * arrives and may return `'stop'` to send nothing more (the kill test).
 * @returns {Promise<{ records, stats }>} records: `{ ref, status, ok, error? }` in send order
 */
async function sendAll({ url, count, make, concurrency, onAnswer }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const records = new Array(count);
	const stats = { sent: 0, answered: 0, status200: 0, okBody: 0, startedAt: Date.now(), endedAt: 0 };
	let next = 0;
	let stopped = false;
	async function lane() {
		while (!stopped && next < count) {
			const i = next++;
			const item = make(i);
			stats.sent++;
			const answer = await post(url, item, { agent });
			const record = { ref: item.ref, status: answer.status, ok: answer.status === 200 && answer.body === OK_BODY };
			if (answer.error) record.error = answer.error;
			if (answer.status) stats.answered++;
			if (answer.status === 200) stats.status200++;
			if (record.ok) stats.okBody++;
			records[i] = record;
			if (onAnswer && onAnswer(record, stats) === 'stop') stopped = true;
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
	stats.endedAt = Date.now();
	agent.destroy();
	return { records: records.filter(Boolean), stats };
}

/** `{ "200": n, "503": m, "no answer": k }` */
function byStatus(records) {
	const out = {};
	for (const r of records) {
		const key = r.status ? String(r.status) : 'no answer';
		out[key] = (out[key] || 0) + 1;
	}
	return out;
}

module.exports = { post, sendAll, byStatus, OK_BODY };

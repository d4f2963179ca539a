// A loopback stand-in for imoje's "create payment link" endpoint: answers every POST
// with the shape imoje documents for POST /payment (the `payment` object with id, url,
// status: https://bump.sh/pgw/doc/imoje-api-en/operation/operation-post-parameter-payment.md),
// and keeps the request for one order ID so
// the benchmark can show that both nodes sent the same thing.
const http = require('node:http');
const crypto = require('node:crypto');

/** `keep`: the orderId whose request is kept (requests arrive in any order). */
function startMock({ keep = 'BENCH-0' } = {}) {
	let kept;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				body = raw;
			}
			if (body && body.orderId === keep) kept = { method: req.method, url: req.url, headers: req.headers, body };
			const id = crypto.randomUUID();
			const now = Math.floor(Date.now() / 1000);
			const answer = JSON.stringify({
				payment: {
					id,
					url: `https://paywall.imoje.pl/pl/payment/${id}`,
					serviceId: body && body.serviceId,
					orderId: body && body.orderId,
					amount: body && body.amount,
					currency: body && body.currency,
					status: 'new',
					isActive: true,
					created: now,
					modified: now,
				},
			});
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
			res.end(answer);
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve({
				port: server.address().port,
				/** The kept request since the last call, then forgets it. */
				takeKept() {
					const k = kept;
					kept = undefined;
					return k;
				},
				close: () => new Promise((r) => server.close(r)),
			});
		});
	});
}

module.exports = { startMock };

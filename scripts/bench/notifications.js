// Distinct, signed imoje notifications for the trigger benchmark. The header format
// and the hash (sha256 of the body bytes followed by the shop key) are imoje's
// (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md).
const crypto = require('node:crypto');

function notificationBody(i, serviceId) {
	// Changed now: the trigger answers a notification older than its replay window (4 days) 200
	// without running it, and the benchmark counts runs.
	const now = Math.floor(Date.now() / 1000);
	return JSON.stringify({
		transaction: {
			id: crypto.randomUUID(),
			type: 'sale',
			status: 'settled',
			source: 'web',
			created: now,
			modified: now,
			notificationUrl: 'https://n8n.example.com/webhook/x/imoje',
			serviceId,
			amount: 1000 + i,
			currency: 'PLN',
			title: `Order BENCH-${i}`,
			orderId: `BENCH-${i}`,
			paymentMethod: 'blik',
			paymentMethodCode: 'blik',
		},
		payment: null,
		action: null,
	});
}

function signedNotification(i, { merchantId, serviceId, shopKey }) {
	const body = notificationBody(i, serviceId);
	const signature = crypto.createHash('sha256').update(body).update(shopKey).digest('hex');
	return { body, header: `merchantid=${merchantId};serviceid=${serviceId};signature=${signature};alg=sha256` };
}

/** Sends every request with at most `concurrency` in flight; resolves the answers' statuses. */
async function sendAll(requests, concurrency, send) {
	const statuses = new Array(requests.length);
	let next = 0;
	async function worker() {
		while (next < requests.length) {
			const i = next++;
			statuses[i] = await send(requests[i]).catch((e) => {
				if (process.env.IMOJE_BENCH_DEBUG) process.stderr.write(`${e.cause ? e.cause.code || e.cause.message : e.message}\n`);
				return 0;
			});
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
	return statuses;
}

module.exports = { notificationBody, signedNotification, sendAll };

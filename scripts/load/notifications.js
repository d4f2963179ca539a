// Signed imoje notifications for the load and queue scripts, written from imoje's
// documentation and not from the package (nodes/) or the simulator, so a mistake in
// either cannot hide itself here.
// Signature, as imoje documents it (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md:
// `;`-separated `key=value` parts, `hash(alg, rawBody . serviceKey)`):
//   X-Imoje-Signature: merchantid=<m>;serviceid=<shop>;signature=<hex>;alg=sha256
//   hex = hex(sha256(raw body bytes + shop key)), a plain hash, not an HMAC.
// Body: `{ transaction, payment }` as imoje sends for a payment status change; `modified`
// is unix seconds (imoje's documented example notification; docs/imoje-api.md#notifications).
const crypto = require('node:crypto');

/** A test shop: ids are UUID v4 like imoje's, the key is only ever used on 127.0.0.1. */
function testShop() {
	return {
		merchantId: crypto.randomBytes(10).toString('hex').slice(0, 20),
		serviceId: crypto.randomUUID(),
		shopKey: crypto.randomBytes(24).toString('hex'),
	};
}

function signatureHeader(shop, raw, key = shop.shopKey) {
	const hex = crypto.createHash('sha256').update(Buffer.concat([Buffer.from(raw, 'utf8'), Buffer.from(key, 'utf8')])).digest('hex');
	return `merchantid=${shop.merchantId};serviceid=${shop.serviceId};signature=${hex};alg=sha256`;
}

/**
 * One settled BLIK payment. `orderId` carries `ref`, the per-notification id the
 * scripts read back from each stored execution's data; every other id is new, so
 * no two notifications share a de-duplication key.
 */
function notificationBody(shop, ref) {
	const now = Math.floor(Date.now() / 1000);
	const transactionId = crypto.randomUUID();
	const paymentId = crypto.randomUUID();
	const common = { amount: 2500, currency: 'PLN', orderId: ref, serviceId: shop.serviceId, created: now - 60, modified: now };
	return JSON.stringify({
		transaction: {
			id: transactionId,
			type: 'sale',
			status: 'settled',
			source: 'web',
			...common,
			paymentMethod: 'blik',
			paymentMethodCode: 'blik',
			title: ref,
			notificationUrl: '',
		},
		payment: { id: paymentId, status: 'settled', title: ref, ...common },
	});
}

/**
 * A notification ready to send: `raw` (exact bytes) and the headers imoje sends.
 * `forgedKey` signs with another key, as a forger without the shop key would.
 */
function signedNotification(shop, ref, { forgedKey } = {}) {
	const raw = notificationBody(shop, ref);
	return {
		ref,
		raw,
		headers: {
			'content-type': 'application/json; charset=UTF-8',
			'user-agent': 'imoje',
			'x-imoje-signature': signatureHeader(shop, raw, forgedKey || shop.shopKey),
		},
	};
}

/**
 * imoje's notification that a payment link's status changed, for Wait for Payment: the
 * link (`payment`, as imoje sends the whole link object) with the given status and, for a
 * paid one, the BLIK transaction that paid it. `ref` is the link's orderId.
 * @param {{ id: string, orderId: string, amount: number, currency: string, title?: string, created?: number }} link
 */
function linkNotification(shop, link, status = 'settled') {
	const now = Math.floor(Date.now() / 1000);
	const common = { amount: link.amount, currency: link.currency, orderId: link.orderId, serviceId: shop.serviceId };
	const payment = { id: link.id, status, title: link.title || link.orderId, ...common, created: link.created || now - 60, modified: now };
	const transaction = {
		id: crypto.randomUUID(),
		type: 'sale',
		status,
		source: 'web',
		...common,
		created: now - 5,
		modified: now,
		paymentMethod: 'blik',
		paymentMethodCode: 'blik',
		title: payment.title,
		notificationUrl: '',
	};
	const raw = JSON.stringify({ transaction, payment });
	return {
		ref: link.orderId,
		raw,
		headers: { 'content-type': 'application/json; charset=UTF-8', 'user-agent': 'imoje', 'x-imoje-signature': signatureHeader(shop, raw) },
	};
}

/** Per-run prefix of every `ref`, so the DB reader finds this run's notifications only. */
function runTag() {
	return `LOAD-${crypto.randomBytes(4).toString('hex')}`;
}

/** Matches every ref made with `tag` (`<tag>-<phase>-<n>`) in execution data. */
function refPattern(tag) {
	return `${tag}-[a-z]+-[0-9]+`;
}

module.exports = { testShop, signatureHeader, notificationBody, signedNotification, linkNotification, runTag, refPattern };

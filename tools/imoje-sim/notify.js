'use strict';
// Signed notification delivery with imoje's retry schedule (on a compressed clock).
// Signature: hex(HASH_alg(rawBodyBytes + shopKey)), a plain hash, not an HMAC.
const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { isLoopbackHost } = require('./util');

const MIN = 60e3;
const HOUR = 60 * MIN;
/** imoje: 3 retries 10 s apart, then 5 each at 5 min, 60 min, 6 h and 12 h. */
const IMOJE_RETRY_MS = [
	...Array(3).fill(10e3), ...Array(5).fill(5 * MIN), ...Array(5).fill(HOUR), ...Array(5).fill(6 * HOUR), ...Array(5).fill(12 * HOUR),
];

function sign(raw, key, alg = 'sha256') {
	return crypto.createHash(alg).update(Buffer.concat([Buffer.from(raw), Buffer.from(key, 'utf8')])).digest('hex');
}

function signatureHeader({ merchantId, serviceId, signature, alg }) {
	return `merchantid=${merchantId};serviceid=${serviceId};signature=${signature};alg=${alg}`;
}

/**
 * n8n's test URL for a production webhook URL: /webhook/<id>/... becomes /webhook-test/<id>/...,
 * where a trigger listens for a test event ("Execute step" in its panel). Null when the URL is not an n8n webhook.
 */
function testWebhookUrl(url) {
	const i = url.indexOf('/webhook/');
	return i < 0 ? null : `${url.slice(0, i)}/webhook-test/${url.slice(i + '/webhook/'.length)}`;
}

function rewriter(rule) {
	if (typeof rule === 'function') return rule;
	if (rule && typeof rule === 'object') {
		const pairs = Object.entries(rule);
		return (url) => {
			for (const [from, to] of pairs) if (url.startsWith(from)) return to + url.slice(from.length);
			return url;
		};
	}
	return (url) => url;
}

class Notifier {
	/**
	 * @param {object} o merchantId, alg, schedule (ms between attempts), timeoutMs,
	 *   deliverExternal (send to non-loopback hosts), rewriteNotificationUrl (fn or {prefix: replacement})
	 */
	constructor(o) {
		this.o = o;
		this.rewrite = rewriter(o.rewriteNotificationUrl);
		this.log = [];
		this.deliveries = [];
		this.timers = new Set();
		this.requests = new Set();
		this.stopped = false;
		this.seq = 0;
	}

	/** Queues a delivery of `payload` (object) or `raw` (string/Buffer, sent byte for byte). */
	send({ url, serviceId, key, payload, raw, signature }) {
		if (!url) return null;
		const body = raw !== undefined ? Buffer.from(raw) : Buffer.from(JSON.stringify(payload), 'utf8');
		const alg = this.o.alg || 'sha256';
		const sig = signature || sign(body, key, alg);
		const delivery = {
			id: ++this.seq,
			url,
			serviceId,
			key,
			body,
			signatureHeader: signatureHeader({ merchantId: this.o.merchantId, serviceId, signature: sig, alg }),
			attempts: 0,
			state: 'pending',
		};
		this.deliveries.push(delivery);
		this.attempt(delivery);
		this.mirrorToTest(delivery);
		return delivery;
	}

	/**
	 * Also delivers to the test webhook (where a trigger listening for a test event gets it) when switched on for
	 * this shop: same bytes and signature, one attempt, never retried (n8n listens briefly).
	 */
	mirrorToTest(delivery) {
		const setting = this.o.testWebhooks ? this.o.testWebhooks(delivery.serviceId) : null;
		if (!setting) return;
		const url = setting.url || testWebhookUrl(this.rewrite(delivery.url));
		if (!url) return;
		const mirror = { ...delivery, id: ++this.seq, url, test: true, attempts: 0, state: 'pending' };
		this.deliveries.push(mirror);
		this.attempt(mirror);
	}

	/** Sends the last (non-test) delivery's exact bytes and signature again, as a new delivery. */
	resendLast() {
		const last = this.deliveries.filter((d) => !d.test).pop();
		if (!last) return null;
		const sig = /signature=([^;]*)/.exec(last.signatureHeader)[1];
		return this.send({ url: last.url, serviceId: last.serviceId, key: last.key, raw: last.body, signature: sig });
	}

	record(delivery, fields) {
		const text = delivery.body.toString('utf8');
		let payload;
		try {
			payload = JSON.parse(text);
		} catch {
			payload = undefined;
		}
		const entry = {
			deliveryId: delivery.id,
			...(delivery.test ? { test: true } : {}),
			attempt: delivery.attempts,
			url: delivery.url,
			body: text,
			payload,
			signatureHeader: delivery.signatureHeader,
			status: null,
			at: Date.now(),
			...fields,
		};
		this.log.push(entry);
		return entry;
	}

	attempt(delivery) {
		if (this.stopped || delivery.cancelled) return;
		delivery.attempts += 1;
		const target = delivery.test ? delivery.url : this.rewrite(delivery.url);
		let parsed;
		try {
			parsed = new URL(target);
		} catch {
			this.record(delivery, { deliveredTo: target, error: 'invalid URL' });
			delivery.state = 'failed';
			return;
		}
		if (!isLoopbackHost(parsed.hostname) && !this.o.deliverExternal) {
			this.record(delivery, { deliveredTo: target, error: 'not sent: non-loopback host and deliverExternal is off' });
			delivery.state = 'skipped';
			return;
		}
		const lib = parsed.protocol === 'https:' ? https : http;
		const req = lib.request(parsed, {
			method: 'POST',
			timeout: this.o.timeoutMs || 5000,
			headers: {
				'Content-Type': 'application/json; charset=UTF-8',
				'Content-Length': delivery.body.length,
				'User-Agent': 'imoje',
				'X-Imoje-Signature': delivery.signatureHeader,
			},
		});
		this.requests.add(req);
		let finished = false;
		const finish = (fields) => {
			if (finished) return;
			finished = true;
			this.requests.delete(req);
			if (this.stopped || delivery.cancelled) return;
			this.record(delivery, { deliveredTo: target, ...fields });
			if (fields.status === 200) delivery.state = 'delivered';
			else this.scheduleRetry(delivery);
		};
		req.on('response', (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => finish({ status: res.statusCode, responseBody: Buffer.concat(chunks).toString('utf8').slice(0, 2000) }));
			res.on('error', (e) => finish({ status: res.statusCode, error: e.message }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e) => finish({ error: e.message }));
		req.end(delivery.body);
	}

	scheduleRetry(delivery) {
		const schedule = delivery.test ? [] : this.o.schedule || [];
		const wait = schedule[delivery.attempts - 1];
		if (wait === undefined) {
			delivery.state = 'gave-up';
			return;
		}
		delivery.state = 'retrying';
		const t = setTimeout(() => {
			this.timers.delete(t);
			this.attempt(delivery);
		}, Math.max(0, wait));
		t.unref();
		this.timers.add(t);
	}

	/** Cancels pending retries and in-flight requests. */
	stop() {
		this.stopped = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const r of this.requests) r.destroy();
		this.requests.clear();
	}

	/** Forgets the log and cancels every delivery still pending (used by reset). */
	clear() {
		for (const d of this.deliveries) d.cancelled = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const r of this.requests) r.destroy();
		this.requests.clear();
		this.log = [];
		this.deliveries = [];
	}
}

module.exports = { Notifier, sign, signatureHeader, testWebhookUrl, IMOJE_RETRY_MS };

'use strict';
// Fault switches for the merchant API: slow answers, late answers (computed at once,
// sent later: the payment can change meanwhile), 5xx, non-JSON bodies, dropped connections. Each may be limited to the next `count` matching
// requests and/or to a path prefix. Control endpoints (/_sim) are never faulted.
const { envelope, sendJson, sendText } = require('./util');

const KNOWN = ['delayMs', 'lateAnswerMs', 'status5xx', 'nonJson', 'dropConnection', 'status', 'count', 'pathPrefix'];

function normalise(input) {
	const f = {};
	for (const k of KNOWN) if (input[k] !== undefined && input[k] !== null) f[k] = input[k];
	if (f.delayMs !== undefined && !(Number.isFinite(f.delayMs) && f.delayMs >= 0)) throw new Error('delayMs must be a number >= 0');
	if (f.lateAnswerMs !== undefined && !(Number.isFinite(f.lateAnswerMs) && f.lateAnswerMs >= 0)) throw new Error('lateAnswerMs must be a number >= 0');
	if (f.status5xx !== undefined && f.status5xx !== true && f.status5xx !== false && !(Number.isInteger(f.status5xx) && f.status5xx >= 500 && f.status5xx <= 599)) {
		throw new Error('status5xx must be true or an HTTP status 500-599');
	}
	if (f.count !== undefined && !(Number.isInteger(f.count) && f.count > 0)) throw new Error('count must be a positive integer');
	if (f.pathPrefix !== undefined && typeof f.pathPrefix !== 'string') throw new Error('pathPrefix must be a string');
	if (!f.delayMs && !f.lateAnswerMs && !f.status5xx && !f.nonJson && !f.dropConnection) {
		throw new Error('a fault needs one of delayMs, lateAnswerMs, status5xx, nonJson, dropConnection');
	}
	return f;
}

class Faults {
	constructor() {
		this.list = [];
		this.seq = 0;
		/** Answers computed and not yet sent (lateAnswerMs). */
		this.holding = 0;
	}

	/** Adds a fault; returns it (with its id). */
	add(input) {
		const f = { id: ++this.seq, ...normalise(input || {}) };
		this.list.push(f);
		return f;
	}

	clear() {
		this.list = [];
	}

	/** The first fault matching this request; counts it down. `paths` are the full and the merchant-relative path. */
	take(paths) {
		const i = this.list.findIndex((f) => !f.pathPrefix || paths.some((p) => p.startsWith(f.pathPrefix)));
		if (i < 0) return null;
		const f = this.list[i];
		if (f.count !== undefined) {
			f.count -= 1;
			if (f.count <= 0) this.list.splice(i, 1);
		}
		return f;
	}
}

/**
 * Holds an answer already computed for `ms` before it is sent (fault lateAnswerMs): what the
 * client then reads is the state at the time of its request, as when imoje's answer is in
 * transit while the payer pays.
 */
async function holdAnswer(faults, ms, timers) {
	faults.holding += 1;
	try {
		await new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});
	} finally {
		faults.holding -= 1;
	}
}

/** Applies a fault. Resolves true when the request has been answered (or dropped). */
async function apply(fault, req, res, timers) {
	if (fault.delayMs) {
		await new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, fault.delayMs);
			timers.add(t);
		});
	}
	if (fault.dropConnection) {
		req.socket.destroy();
		return true;
	}
	if (fault.nonJson) {
		const status = typeof fault.status5xx === 'number' ? fault.status5xx : fault.status5xx ? 502 : fault.status || 200;
		sendText(res, status, `<html><head><title>${status}</title></head><body><h1>${status} simulated gateway page</h1></body></html>`, 'text/html; charset=UTF-8');
		return true;
	}
	if (fault.status5xx) {
		const status = typeof fault.status5xx === 'number' ? fault.status5xx : 500;
		const message = status === 503 ? 'Service Unavailable' : 'Internal Server Error';
		sendJson(res, status, envelope({ code: `SRV-ERROR-${status}`, message, errors: [] }));
		return true;
	}
	return false;
}

module.exports = { Faults, apply, holdAnswer };

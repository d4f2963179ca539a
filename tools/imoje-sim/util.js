'use strict';
// Small shared helpers: ids, clocks, imoje error envelopes, JSON answers.
const crypto = require('node:crypto');

// imoje's id rule, read from the request schemas so it is written down once (seed 01).
const UUID_V4 = new RegExp(require('./schemas/defs.json').definitions.uuid.pattern);
const STATUSES = ['new', 'pending', 'settled', 'authorized', 'rejected', 'cancelled', 'error'];
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

function uuid() {
	return crypto.randomUUID();
}

/** An answer with imoje's error envelope. Thrown by handlers, written by the server. */
class ApiError extends Error {
	constructor(status, body) {
		super((body && body.apiErrorResponse && body.apiErrorResponse.message) || `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

function envelope(fields) {
	const out = {};
	for (const k of ['code', 'message', 'instance', 'errors']) if (fields[k] !== undefined) out[k] = fields[k];
	return { apiErrorResponse: out };
}

const errors = {
	validation(code, instance, list) {
		return new ApiError(422, envelope({ code, message: 'Unprocessable Entity.', instance, errors: list }));
	},
	notFound(message = 'Not found.') {
		return new ApiError(404, envelope({ code: 'REQ-ERROR-100404', message, errors: [] }));
	},
	unauthorized() {
		return new ApiError(401, envelope({ code: 'AUTH-ERROR-100401', message: 'Unauthorized', errors: [] }));
	},
	/** Business refusal. With only a message when code is omitted (as imoje's cancel does). */
	refusal(message, code, instance) {
		if (!code) return new ApiError(400, envelope({ message }));
		return new ApiError(400, envelope({ code, message, instance, errors: [] }));
	},
	badJson() {
		return new ApiError(400, envelope({ code: 'REQ-ERROR-100001', message: 'Bad Request. Malformed JSON body.', errors: [] }));
	},
	methodNotAllowed() {
		return new ApiError(405, envelope({ code: 'REQ-ERROR-100405', message: 'Method Not Allowed', errors: [] }));
	},
};

function sendJson(res, status, body, extraHeaders) {
	const raw = Buffer.from(JSON.stringify(body), 'utf8');
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=UTF-8',
		'Content-Length': raw.length,
		...(extraHeaders || {}),
	});
	res.end(raw);
}

function sendText(res, status, text, contentType) {
	const raw = Buffer.from(text, 'utf8');
	res.writeHead(status, { 'Content-Type': contentType || 'text/plain; charset=UTF-8', 'Content-Length': raw.length });
	res.end(raw);
}

/** Reads the whole request body (at most 1 MB) as a Buffer. */
function readBody(req, limit = 1024 * 1024) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > limit) {
				reject(new ApiError(413, envelope({ code: 'REQ-ERROR-100413', message: 'Payload Too Large', errors: [] })));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Parses a JSON body; an empty body is `undefined`. Throws 400 on malformed JSON. */
function parseJsonBody(buf) {
	if (!buf || buf.length === 0) return undefined;
	try {
		return JSON.parse(buf.toString('utf8'));
	} catch {
		throw errors.badJson();
	}
}

function clone(v) {
	return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function isLoopbackHost(host) {
	const h = String(host || '').replace(/^\[|\]$/g, '').toLowerCase();
	return LOOPBACK_HOSTS.includes(h) || /^127\.\d+\.\d+\.\d+$/.test(h) || h.endsWith('.localhost');
}

module.exports = {
	UUID_V4,
	STATUSES,
	uuid,
	ApiError,
	envelope,
	errors,
	sendJson,
	sendText,
	readBody,
	parseJsonBody,
	clone,
	isLoopbackHost,
};

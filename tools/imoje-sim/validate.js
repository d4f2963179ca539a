'use strict';
// Request-body validation from imoje's request schemas, kept as data in
// schemas/*.json (each rule names the seed line or plugin file it comes from,
// in `x-source`), checked by the `jsonschema` library. Its messages are the ones
// imoje's own 422 answers show ("requires property \"orderId\"" on property
// "instance", "is not of a type(s) string"), so they pass through unchanged.
// Unknown fields always pass: imoje documents that bodies grow.
// This file shares nothing with nodes/: it is the second opinion on the node.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Validator } = require('jsonschema');

const SCHEMA_DIR = path.join(__dirname, 'schemas');

/** Every schema file, by file name without `.json`. */
function loadSchemas(dir = SCHEMA_DIR) {
	const out = {};
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		out[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	}
	return out;
}

/** Why a per-payment notification address is refused (seed 01: "Addresses containing localhost and ports will be rejected"). */
function publicUrlProblem(v) {
	let host;
	try {
		host = new URL(v).hostname.replace(/^\[|\]$/g, '').toLowerCase();
	} catch {
		return undefined; // the "uri" format reports it
	}
	if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0') {
		return 'must not point at localhost: imoje cannot reach it';
	}
	// Any explicit port, even :443, counts: look at the raw authority, not the normalised URL.
	const authority = v.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0].split('@').pop();
	const afterHost = authority.startsWith('[') ? authority.slice(authority.indexOf(']') + 1) : authority;
	return afterHost.includes(':') ? 'must not contain a port number' : undefined;
}

function ipOrCidr(v) {
	const [ip, bits, more] = String(v).split('/');
	if (more !== undefined || net.isIP(ip) === 0) return false;
	if (bits === undefined) return true;
	return /^\d+$/.test(bits) && Number(bits) <= (net.isIP(ip) === 4 ? 32 : 128);
}

/** The keywords our schemas add to JSON Schema; each returns a message or undefined. */
const KEYWORDS = {
	// allowLocalUrls (the simulator's allowLocalNotificationUrl): an n8n on this machine may be told to imoje as is.
	'x-public-url': (instance, schema, options) =>
		schema['x-public-url'] && typeof instance === 'string' && !options.allowLocalUrls ? publicUrlProblem(instance) : undefined,
	'x-seconds-ahead': (instance, schema, options) => {
		const ahead = schema['x-seconds-ahead'];
		if (typeof instance !== 'number') return undefined;
		return instance < options.nowSec + ahead ? `must be at least ${ahead} seconds in the future (or null)` : undefined;
	},
	'x-refuse': (instance, schema) => (instance === undefined ? undefined : schema['x-refuse']),
	// A rule on a nested field that depends on a top-level one (multipayout needs currency PLN).
	'x-root-equals': (instance, schema, options) => {
		const rule = schema['x-root-equals'];
		const root = options.root || {};
		const bad = Object.entries(rule).find(([k, v]) => k !== 'message' && root[k] !== v);
		return bad ? `${rule.message} (${bad[0]} is ${JSON.stringify(root[bad[0]])})` : undefined;
	},
};

function createValidator(schemas) {
	const v = new Validator();
	for (const s of Object.values(schemas)) v.addSchema(s, s.$id);
	v.customFormats.ip = (x) => typeof x !== 'string' || net.isIP(x) !== 0;
	v.customFormats['ip-or-cidr'] = (x) => typeof x !== 'string' || ipOrCidr(x);
	for (const [name, check] of Object.entries(KEYWORDS)) v.attributes[name] = (instance, schema, options) => check(instance, schema, options);
	return v;
}

const SCHEMAS = loadSchemas();
const validator = createValidator(SCHEMAS);

/** Operation name (as routes.js uses it) to schema file. */
const OPERATIONS = {
	paymentCreate: 'payment-create',
	transactionCreate: 'transaction-create',
	profileDebit: 'profile-debit',
	paymentCancel: 'payment-cancel',
	refund: 'refund',
	canRefund: 'can-refund',
	profileDeactivate: 'profile-deactivate',
	trustedIps: 'trusted-ips',
	paymentMethods: 'payment-methods',
};

/**
 * The list of `{property, message}` problems of a request body (empty when valid), in
 * imoje's 422 form: property "instance" for the body itself, "instance.billing.street" below it.
 * `ctx`: `nowSec` (validTo checks), `allowLocalUrls` (accept localhost and ports in notificationUrl).
 */
function validate(name, body, ctx) {
	const schema = SCHEMAS[OPERATIONS[name]];
	if (!schema) throw new Error(`no request schema for ${name}`);
	const nowSec = (ctx && ctx.nowSec) || Math.floor(Date.now() / 1000);
	const instance = body === undefined ? {} : body;
	const allowLocalUrls = Boolean(ctx && ctx.allowLocalUrls);
	const result = validator.validate(instance, schema, { nowSec, allowLocalUrls, root: instance, nestedErrors: false });
	return result.errors.map((e) => ({ property: e.property, message: e.message }));
}

module.exports = { validate, loadSchemas, publicUrlProblem, SCHEMA_DIR, OPERATIONS };

'use strict';
// Request-body validation the way imoje documents it (seeds 01-04 and API.md).
// A tiny JSON-schema-like checker whose messages follow imoje's 422 answers
// (`requires property "orderId"` on property `instance`). Unknown fields pass.
const net = require('node:net');
const { UUID_V4 } = require('./util');

const CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'HUF', 'CZK', 'BGN', 'RON'];
const PAYMENT_METHODS = ['blik', 'pbl', 'ing', 'card', 'wallet', 'imoje_paylater', 'wt', 'imoje_installments'];
const PAYMENT_METHOD_CODES = ('blik imoje_twisto paypo blik_paylater pragma_go gpay applepay visa_mobile paypal ecom3ds ' +
	'oneclick recurring ing mtransfer bzwbk pekao24 inteligo ipko getin noble creditagricole alior millennium citi bos ' +
	'bnpparibas pocztowy plusbank bs bspb nest pbs cs mp kb rf pg pf cb uc posta sporo tatra viamo vub wt wt_split ' +
	'inbank inbank_0').split(' ');
const VISIBLE_METHODS = ['pbl', 'card', 'wallet', 'blik', 'imoje_paylater', 'wt', 'lease', 'imoje_installments'];
const LOCALES = 'pl en cs de es fr it lt ru sk sl uk nl hu ro bg sv'.split(' ');

const P = {
	orderId: /^[A-Za-z0-9#_\-.\\/ \u00C0-\u02C0]+$/,
	title: /^[A-Za-z0-9#&_\-,.\\/ \u00C0-\u02C0"']+$/,
	description: /^[A-Za-z0-9#&_\s\-,./ \u00C0-\u02C0"']+$/,
	name: /^[A-Za-z0-9#&_\-,.\\/ \u00C0-\u02C0\u0400-\u04FF"']+$/,
	company: /^[A-Za-z0-9#&_\-,./ \u00C0-\u02C0"']+$/,
	phone: /^[0-9+\- ]+$/,
	cid: /^[A-Za-z0-9-]+$/,
	address: /^[A-Za-z0-9 ]+$/,
	ban: /^[0-9]{26}$/,
	label: /^[A-Za-z0-9\-,. \u00C0-\u02C0"']+$/,
	blik: /^[0-9]{6}$/,
};

const str = (max, pattern, extra) => ({ type: 'string', maxLength: max, pattern, ...extra });
const uuidField = { type: 'string', maxLength: 36, pattern: UUID_V4 };
const amount = { type: 'integer', exclusiveMinimum: 0 };
const currency = { type: 'string', enum: CURRENCIES };
const url = { type: 'string', maxLength: 300, format: 'uri' };
const notificationUrl = { ...url, format: 'notificationUrl' };
const validTo = { type: 'integer', nullable: true, format: 'validTo' };
const person = {
	firstName: str(100, P.name),
	lastName: str(100, P.name),
	company: str(200, P.company),
};
const customer = {
	type: 'object',
	required: ['firstName', 'lastName', 'email'],
	properties: {
		...person,
		email: str(200, undefined, { format: 'email' }),
		phone: str(20, P.phone),
		cid: str(36, P.cid),
		locale: { type: 'string', enum: LOCALES },
	},
};
const address = {
	type: 'object',
	required: ['firstName', 'lastName'],
	properties: {
		...person,
		street: str(200, P.address),
		city: str(100, P.address),
		region: str(100, P.address),
		postalCode: str(30),
		countryCodeAlpha2: str(2),
		taxId: str(12),
	},
};
const multipayout = {
	type: 'array',
	items: {
		type: 'object',
		required: ['ban', 'amount', 'label'],
		properties: { ban: str(26, P.ban, { minLength: 26 }), amount: { type: 'integer', minimum: 0 }, label: str(70, P.label), title: str(105, P.title) },
	},
};
const invoice = { type: 'object', required: ['buyer', 'positions'], properties: { buyer: { type: 'object' }, positions: { type: 'array' } } };
const common = {
	serviceId: uuidField,
	amount,
	currency,
	orderId: str(100, P.orderId),
	title: str(255, P.title),
	additionalDescription: str(255, P.description),
	customer,
	billing: address,
	shipping: address,
	returnUrl: url,
	successReturnUrl: url,
	failureReturnUrl: url,
	notificationUrl,
	validTo,
	visibleMethod: { type: 'array', items: { type: 'string', enum: VISIBLE_METHODS } },
	multipayout,
	invoice,
};

const schemas = {
	paymentCreate: {
		type: 'object',
		required: ['serviceId', 'amount', 'currency', 'orderId', 'customer'],
		properties: { ...common, preselectMethodCode: { type: 'string', maxLength: 20, enum: PAYMENT_METHOD_CODES }, cart: { type: 'object' }, isKsef: { type: 'boolean' } },
	},
	transactionCreate: {
		type: 'object',
		// successReturnUrl/failureReturnUrl: imoje's transaction page marks them required.
		required: ['type', 'serviceId', 'amount', 'currency', 'orderId', 'paymentMethod', 'paymentMethodCode', 'successReturnUrl', 'failureReturnUrl', 'customer'],
		properties: {
			...common,
			type: { type: 'string', enum: ['sale'] },
			paymentMethod: { type: 'string', enum: PAYMENT_METHODS },
			paymentMethodCode: { type: 'string', maxLength: 20, enum: PAYMENT_METHOD_CODES },
			blikCode: str(6, P.blik),
			clientIp: { type: 'string', format: 'ip' },
		},
	},
	paymentCancel: { type: 'object', required: ['serviceId', 'paymentId'], properties: { serviceId: uuidField, paymentId: uuidField } },
	refund: {
		type: 'object',
		required: ['type', 'serviceId', 'amount'],
		properties: { type: { type: 'string', enum: ['refund'] }, serviceId: uuidField, amount, title: str(255, P.title), sendRefundConfirmationEmail: { type: 'boolean' } },
	},
	canRefund: { type: 'object', required: ['amount'], properties: { amount } },
	profileDebit: {
		type: 'object',
		required: ['serviceId', 'paymentProfileId', 'amount', 'currency', 'orderId'],
		properties: {
			serviceId: uuidField, paymentProfileId: uuidField, amount, currency, orderId: common.orderId, title: common.title, notificationUrl, invoice,
			data: { type: 'object', properties: { multipayout } },
		},
	},
	profileDeactivate: { type: 'object', required: ['paymentProfileId'], properties: { paymentProfileId: uuidField } },
	trustedIps: { type: 'object', required: ['trustedIps'], properties: { trustedIps: { type: 'array', items: { type: 'string', format: 'ipOrCidr' } } } },
	paymentMethods: {
		type: 'object',
		required: ['amount', 'currency'],
		properties: { amount, currency, device: { type: 'string', enum: ['desktop', 'mobile'] }, locale: { type: 'string', enum: LOCALES } },
	},
};

function typeOk(type, v) {
	switch (type) {
		case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v);
		case 'array': return Array.isArray(v);
		case 'integer': return Number.isInteger(v);
		case 'number': return typeof v === 'number' && Number.isFinite(v);
		default: return typeof v === type;
	}
}

const formats = {
	email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
	uri: (v) => {
		try {
			const u = new URL(v);
			return u.protocol === 'http:' || u.protocol === 'https:';
		} catch {
			return false;
		}
	},
	ip: (v) => net.isIP(v) !== 0,
	ipOrCidr: (v) => {
		const [ip, bits, more] = String(v).split('/');
		if (more !== undefined || net.isIP(ip) === 0) return false;
		if (bits === undefined) return true;
		const max = net.isIP(ip) === 4 ? 32 : 128;
		return /^\d+$/.test(bits) && Number(bits) <= max;
	},
};

/** Per-payment notification address: a public http(s) URL without localhost or a port. */
function notificationUrlProblem(v) {
	if (!formats.uri(v)) return 'does not conform to the "uri" format';
	const host = new URL(v).hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0') {
		return 'must not point at localhost: imoje cannot reach it';
	}
	// Any explicit port, even :443, counts: look at the raw authority, not the normalised URL.
	const authority = v.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0].split('@').pop();
	const afterHost = authority.startsWith('[') ? authority.slice(authority.indexOf(']') + 1) : authority;
	if (afterHost.includes(':')) return 'must not contain a port number';
	return undefined;
}

function check(schema, value, path, out, ctx) {
	if (value === null && schema.nullable) return;
	if (schema.type && !typeOk(schema.type, value)) {
		out.push({ property: path, message: `is not of a type(s) ${schema.type}` });
		return;
	}
	if (schema.enum && !schema.enum.includes(value)) {
		out.push({ property: path, message: `is not one of enum values: ${schema.enum.join(',')}` });
		return;
	}
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength) out.push({ property: path, message: `does not meet minimum length of ${schema.minLength}` });
		if (schema.maxLength !== undefined && value.length > schema.maxLength) out.push({ property: path, message: `does not meet maximum length of ${schema.maxLength}` });
		if (schema.pattern && !schema.pattern.test(value)) out.push({ property: path, message: `does not match pattern ${JSON.stringify(schema.pattern.source)}` });
		if (schema.format === 'notificationUrl') {
			const problem = notificationUrlProblem(value);
			if (problem) out.push({ property: path, message: problem });
		} else if (schema.format && formats[schema.format] && !formats[schema.format](value)) {
			out.push({ property: path, message: `does not conform to the ${JSON.stringify(schema.format)} format` });
		}
	}
	if (typeof value === 'number') {
		if (schema.exclusiveMinimum !== undefined && !(value > schema.exclusiveMinimum)) out.push({ property: path, message: `must be greater than ${schema.exclusiveMinimum}` });
		if (schema.minimum !== undefined && value < schema.minimum) out.push({ property: path, message: `must be greater than or equal to ${schema.minimum}` });
		if (schema.format === 'validTo' && value < ctx.nowSec + 60) out.push({ property: path, message: 'must be at least 60 seconds in the future (or null)' });
	}
	if (schema.type === 'object') {
		for (const key of schema.required || []) {
			if (value[key] === undefined) out.push({ property: path, message: `requires property ${JSON.stringify(key)}` });
		}
		for (const [key, sub] of Object.entries(schema.properties || {})) {
			if (value[key] !== undefined) check(sub, value[key], `${path}.${key}`, out, ctx);
		}
	}
	if (schema.type === 'array' && schema.items) value.forEach((item, i) => check(schema.items, item, `${path}[${i}]`, out, ctx));
}

/** Rules that are not a matter of one field's shape. */
const crossRules = {
	transactionCreate(body, out) {
		if (body.blikCode !== undefined && body.clientIp === undefined) out.push({ property: 'instance', message: 'requires property "clientIp" when "blikCode" is given' });
		if (body.multipayout !== undefined && body.currency !== 'PLN') out.push({ property: 'instance.multipayout', message: 'multipayout is available for PLN only' });
	},
	paymentCreate(body, out) {
		if (body.multipayout !== undefined && body.currency !== 'PLN') out.push({ property: 'instance.multipayout', message: 'multipayout is available for PLN only' });
	},
	profileDebit(body, out) {
		if (body.data && body.data.multipayout !== undefined && body.currency !== 'PLN') out.push({ property: 'instance.data.multipayout', message: 'multipayout is available for PLN only' });
	},
};

/** Returns the list of `{property, message}` problems (empty when the body is valid). */
function validate(name, body, ctx) {
	const out = [];
	check(schemas[name], body, 'instance', out, ctx || { nowSec: Math.floor(Date.now() / 1000) });
	if (out.length === 0 && crossRules[name]) crossRules[name](body, out);
	return out;
}

module.exports = { validate, notificationUrlProblem, CURRENCIES, PAYMENT_METHODS, PAYMENT_METHOD_CODES, VISIBLE_METHODS, LOCALES };

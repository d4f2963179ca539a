'use strict';
// Control endpoints under /_sim (no auth): drive outcomes, read state and the
// notification log, switch faults, reset. Same handler contract as routes.js.
const { ApiError, errors, uuid, STATUSES, UUID_V4 } = require('./util');
const S = require('./state');
const { makeRouter } = require('./router');

const HELP = [
	'GET    /_sim                              this list and the credential values',
	'GET    /_sim/state                        whole state (links, transactions, profiles, trusted IPs, shops)',
	'POST   /_sim/reset                        clear state, notification log and faults',
	'POST   /_sim/payments/{id}/pay            payer pays a link {status?, statusCode?, paymentMethod?, paymentMethodCode?}',
	'POST   /_sim/payments/{id}/settle         settle the link (its open transaction, or a new one)',
	'POST   /_sim/payments/{id}/expire         expire the link now ({payment}-only notification)',
	'POST   /_sim/payments/{id}/cancel         cancel the link now, as the shop would ({payment}-only notification)',
	'POST   /_sim/transactions/{id}/status     set a status {status, statusCode?} (also refunds)',
	'POST   /_sim/transactions/{id}/notify     send a signed notification of its current state now',
	'POST   /_sim/payments/{id}/notify         same for a link (its latest transaction, else {payment} alone)',
	'GET    /_sim/test-webhooks                where notifications are mirrored for a trigger listening for a test event',
	'POST   /_sim/test-webhooks                {enabled, serviceId?, url?}: also send each notification to /webhook-test/',
	'POST   /_sim/shops/{id}/balance           {amount|null}: shop balance (can-refund balance, refunds); null = enough',
	'POST   /_sim/outcome                      outcome of next payments {status|null, statusCode?, count?}',
	'POST   /_sim/profiles                     add a card profile {merchantCustomerId, profile?, isActive?, ...}',
	'GET    /_sim/notifications                every delivery attempt',
	'DELETE /_sim/notifications                forget the log',
	'POST   /_sim/notifications/resend-last    send the last notification again (same bytes)',
	'POST   /_sim/notify                       send a custom signed notification {payload|raw, url?, serviceId?, signature?}',
	'GET    /_sim/faults                       active faults',
	'POST   /_sim/faults                       add {delayMs?, lateAnswerMs?, status5xx?, nonJson?, dropConnection?, status?, count?, pathPrefix?}',
	'DELETE /_sim/faults                       remove all faults',
];

function bad(message) {
	return errors.refusal(message);
}

function requireStatus(body) {
	if (!body || !STATUSES.includes(body.status)) throw bad(`status must be one of ${STATUSES.join(', ')}`);
}

function deliverySummary(d) {
	return d && { deliveryId: d.id, url: d.url, signatureHeader: d.signatureHeader, body: d.body.toString('utf8') };
}

function asBadRequest(fn) {
	try {
		return { body: fn() };
	} catch (e) {
		if (e instanceof ApiError) throw e;
		throw bad(e.message);
	}
}

function orNoUrl(delivery) {
	if (!delivery) throw bad('no notification address: the payment has none and no shop-level notificationUrl is configured');
	return delivery;
}

function createControl(sim, engine) {
	const st = () => sim.state;
	const linkOf = (id) => {
		const link = st().paymentLinks[id];
		if (!link) throw errors.notFound('Payment not found.');
		return link;
	};
	const reply = (trx) => {
		const link = trx._paymentId && st().paymentLinks[trx._paymentId];
		return { body: { transaction: S.transactionView(st(), trx), payment: link ? S.linkView(st(), link) : S.paymentRef(st(), trx) } };
	};

	const table = {
		'GET /_sim': () => ({ body: { credential: sim.credentialInfo(), endpoints: HELP } }),
		'GET /_sim/state': () => ({ body: S.snapshot(st()) }),
		'POST /_sim/reset': () => {
			sim.reset();
			return { body: { ok: true } };
		},
		'POST /_sim/payments/:id/pay': ({ params, body }) => {
			if (body && body.status !== undefined) requireStatus(body);
			return reply(engine.payLink(linkOf(params.id), body || {}));
		},
		'POST /_sim/payments/:id/settle': ({ params }) => reply(sim.settlePayment(linkOf(params.id).id)),
		'POST /_sim/payments/:id/expire': ({ params }) => {
			const link = linkOf(params.id);
			engine.expireLink(link);
			return { body: S.linkView(st(), link) };
		},
		'POST /_sim/payments/:id/cancel': ({ params }) => {
			const link = linkOf(params.id);
			engine.cancelLink(link);
			return { body: S.linkView(st(), link) };
		},
		'POST /_sim/transactions/:id/status': ({ params, body }) => {
			requireStatus(body);
			return reply(engine.setStatus(engine.getTransaction(params.id), body.status, { statusCode: body.statusCode }));
		},
		'POST /_sim/transactions/:id/notify': ({ params }) => ({ body: orNoUrl(sim.notifyTransaction(params.id)) }),
		'POST /_sim/payments/:id/notify': ({ params }) => ({ body: orNoUrl(sim.notifyPayment(linkOf(params.id).id)) }),
		'GET /_sim/test-webhooks': () => ({ body: sim.getTestWebhooks() }),
		'POST /_sim/test-webhooks': ({ body }) => asBadRequest(() => sim.setTestWebhooks(body || {})),
		'POST /_sim/shops/:id/balance': ({ params, body }) => asBadRequest(() => ({ serviceId: params.id, balance: sim.setShopBalance(params.id, body && body.amount !== undefined ? body.amount : null) })),
		'POST /_sim/outcome': ({ body }) => {
			try {
				return { body: { outcome: sim.setOutcome(body && body.status, body || {}) } };
			} catch (e) {
				throw bad(e.message);
			}
		},
		'POST /_sim/profiles': ({ body }) => ({ body: { paymentProfile: sim.addProfile(body || {}) } }),
		'GET /_sim/notifications': () => ({ body: { notifications: sim.notifications() } }),
		'DELETE /_sim/notifications': () => {
			sim.notifier.log = [];
			return { body: { ok: true } };
		},
		'POST /_sim/notifications/resend-last': () => {
			const d = sim.notifier.resendLast();
			if (!d) throw errors.notFound('No notification sent yet.');
			return { body: deliverySummary(d) };
		},
		'POST /_sim/notify': ({ body }) => {
			if (!body || (body.payload === undefined && body.raw === undefined)) throw bad('give payload (object) or raw (string)');
			const shop = st().shops[body.serviceId || sim.cfg.serviceId];
			if (!shop) throw bad('unknown serviceId');
			const url = body.url || sim.cfg.notificationUrl;
			if (!url) throw bad('no url given and no shop-level notificationUrl configured');
			const d = sim.notifier.send({ url, serviceId: shop.id, key: shop._key, payload: body.payload, raw: body.raw, signature: body.signature });
			return { body: deliverySummary(d) };
		},
		'GET /_sim/faults': () => ({ body: { faults: sim.faults.list } }),
		'POST /_sim/faults': ({ body }) => {
			try {
				const list = Array.isArray(body && body.faults) ? body.faults : [body || {}];
				return { body: { faults: list.map((f) => sim.setFault(f)) } };
			} catch (e) {
				throw bad(e.message);
			}
		},
		'DELETE /_sim/faults': () => {
			sim.clearFaults();
			return { body: { ok: true } };
		},
	};

	const match = makeRouter(
		Object.entries(table).map(([key, handler]) => [...key.split(' '), handler]),
		'Unknown control endpoint. GET /_sim lists them.',
	);

	return { match };
}

/** A card profile from partial fields (for POST /_sim/profiles and sim.addProfile). */
function makeProfile(fields, merchantId, nowSec) {
	if (fields.id !== undefined && !UUID_V4.test(fields.id)) throw bad('id must be a lowercase UUID v4');
	const cid = fields.merchantCustomerId || fields.cid;
	if (!cid) throw bad('merchantCustomerId is required');
	const { cid: _omit, ...rest } = fields;
	const id = fields.id || uuid();
	return {
		id,
		merchantMid: merchantId, firstName: 'Jan', lastName: 'Kowalski', maskedNumber: '****1111', month: '12', year: '2029',
		organization: 'VISA', isActive: 1, profile: 'ONE_CLICK', created: nowSec, modified: nowSec, ...rest, id, merchantCustomerId: cid,
	};
}

module.exports = { createControl, makeProfile, HELP };

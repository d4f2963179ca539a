'use strict';
// The 19 merchant endpoints of API.md, under /v1/merchant/{merchantId}.
// Each handler gets { params, body, origin } and returns { status?, body, after? };
// `after` runs once the answer is written (e.g. a sandbox title settling at once).
const { errors } = require('./util');
const { makeRouter } = require('./router');
const { validate } = require('./validate');
const S = require('./state');

const TRX = 'TRX-ERROR-120001';
const REQ = 'REQ-ERROR-100002';

function createRoutes(sim, engine) {
	const st = () => sim.state;
	const ctx = () => ({ nowSec: Math.floor(sim.cfg.now() / 1000), allowLocalUrls: sim.cfg.allowLocalNotificationUrl });

	function valid(name, body, code) {
		const problems = validate(name, body, ctx());
		if (problems.length) throw errors.validation(code, body === undefined ? {} : body, problems);
	}
	function requireShop(body, code) {
		if (!engine.shop(body.serviceId)) throw errors.validation(code, body, [{ property: 'instance.serviceId', message: 'shop not found for this merchant' }]);
	}
	const trxView = (t) => S.transactionView(st(), t);
	const CREATE_HIDDEN = ['status', 'isGenerated', 'isUsed', 'usedAt', 'isConfirmVisited', 'confirmVisitedAt'];

	const table = [
		['POST', '/transaction', ({ body, origin }) => {
			valid('transactionCreate', body, TRX);
			requireShop(body, TRX);
			const { trx, after } = engine.createTransaction(body, origin);
			const transaction = trxView(trx);
			return { body: { transaction, action: transaction.action }, after };
		}],
		['POST', '/transaction/profile', ({ body, origin }) => {
			valid('profileDebit', body, TRX);
			requireShop(body, TRX);
			const { trx, after } = engine.debitProfile(body, origin);
			return { body: { transaction: trxView(trx) }, after };
		}],
		['GET', '/transaction/:id', ({ params }) => ({ body: { transaction: trxView(engine.getTransaction(params.id)) } })],
		['POST', '/transaction/:id/capture', ({ params }) => {
			const trx = engine.getTransaction(params.id);
			engine.requireAuthorized(trx, 'capture');
			return { body: { transaction: trxView(engine.setStatus(trx, 'settled')) } };
		}],
		['POST', '/transaction/:id/void', ({ params }) => {
			const trx = engine.getTransaction(params.id);
			engine.requireAuthorized(trx, 'void');
			return { body: { transaction: trxView(engine.setStatus(trx, 'cancelled')) } };
		}],
		['POST', '/transaction/:id/refund', ({ params, body }) => {
			valid('refund', body, TRX);
			const trx = engine.getTransaction(params.id);
			const { refundTrx, after } = engine.refund(trx, body);
			return { body: { transaction: trxView(refundTrx) }, after };
		}],
		['POST', '/transaction/:id/can-refund', ({ params, body }) => {
			valid('canRefund', body, TRX);
			return { body: engine.canRefund(engine.getTransaction(params.id), body.amount) };
		}],
		['POST', '/payment', ({ body, origin }) => {
			valid('paymentCreate', body, REQ);
			requireShop(body, REQ);
			const payment = S.linkView(st(), engine.createLink(body, origin), { withTransactions: false });
			for (const k of CREATE_HIDDEN) delete payment[k];
			return { body: { payment } };
		}],
		['POST', '/payment/cancel', ({ body }) => {
			valid('paymentCancel', body, REQ);
			const link = engine.getLink(body.paymentId);
			if (link.serviceId !== body.serviceId) throw errors.notFound('Payment not found in this shop.');
			engine.cancelLink(link);
			return { body: S.linkView(st(), link) };
		}],
		['GET', '/payment/:id', ({ params }) => {
			// The payment imoje makes for an API transaction is readable by its id too (a guess, see README).
			const trx = Object.values(st().transactions).find((t) => t._payment && t._payment.id === params.id);
			if (trx) return { body: { ...S.publicView(trx._payment), transactions: [S.transactionView(st(), trx, { withRefunds: false, withAction: false })] } };
			return { body: S.linkView(st(), engine.getLink(params.id)) };
		}],
		['GET', '/service/:serviceId', ({ params }) => {
			const shop = engine.shop(params.serviceId);
			if (!shop) throw errors.notFound('Service not found.');
			return { body: S.shopView(shop) };
		}],
		['GET', '/services', () => ({ body: Object.values(st().shops).map(S.shopView) })],
		['POST', '/service/:serviceId/get-payment-methods', ({ params, body }) => {
			const shop = engine.shop(params.serviceId);
			if (!shop) throw errors.notFound('Service not found.');
			valid('paymentMethods', body, REQ);
			return { body: availableMethods(shop, body) };
		}],
		['GET', '/profile/cid/:cid', ({ params }) => {
			const list = Object.values(st().profiles).filter((p) => p.merchantCustomerId === params.cid);
			if (!list.length) throw errors.notFound('Payment profiles not found.');
			return { body: { paymentProfiles: list.map(S.profileView) } };
		}],
		['GET', '/profile/id/:id', ({ params }) => ({ body: { paymentProfile: S.profileView(engine.getProfile(params.id)) } })],
		['DELETE', '/profile/id/:id', ({ params }) => ({ body: { paymentProfile: S.profileView(engine.deactivateProfile(engine.getProfile(params.id))) } })],
		['POST', '/profile/deactivate', ({ body }) => {
			valid('profileDeactivate', body, REQ);
			return { body: { paymentProfile: S.profileView(engine.deactivateProfile(engine.getProfile(body.paymentProfileId))) } };
		}],
		['GET', '/settings/ips', () => ({ body: { trustedIps: [...st().trustedIps] } })],
		['PUT', '/settings/ips', ({ body }) => {
			valid('trustedIps', body, REQ);
			st().trustedIps = [...new Set(body.trustedIps)];
			return { body: { trustedIps: [...st().trustedIps] } };
		}],
	];
	const match = makeRouter(table, 'Resource not found.');

	return { match, count: table.length };
}

/** Active methods of a shop for an amount and currency, grouped with their channels. */
function availableMethods(shop, { amount, currency }) {
	const groups = new Map();
	for (const m of shop.paymentMethods) {
		const { minTransaction, maxTransaction } = m.transactionLimits;
		if (!m.isActive || m.currency !== currency || amount < minTransaction.value || amount > maxTransaction.value) continue;
		if (!groups.has(m.paymentMethod)) {
			groups.set(m.paymentMethod, { paymentMethod: m.paymentMethod, label: S.LABELS[m.paymentMethod] || m.paymentMethod, isOnline: false, channels: [] });
		}
		const g = groups.get(m.paymentMethod);
		g.isOnline = g.isOnline || m.isOnline;
		g.channels.push({ paymentMethod: m.paymentMethod, paymentMethodCode: m.paymentMethodCode, label: m.description, isOnline: m.isOnline, currency: m.currency });
	}
	return [...groups.values()];
}

module.exports = { createRoutes };

'use strict';
// Business rules: payment links, transactions and their statuses, refunds,
// profile debits, and the notifications every status change sends.
const { uuid, errors, STATUSES } = require('./util');
const S = require('./state');
const { createRefunds } = require('./refunds');
const { cardCodeFor, sandboxCardOutcome, attachCardProfile } = require('./cards');

const FINAL_LINK = ['settled', 'cancelled', 'authorized'];

function createEngine(sim) {
	const nowSec = () => Math.floor(sim.cfg.now() / 1000);
	const st = () => sim.state;

	function shop(serviceId) {
		return st().shops[serviceId];
	}

	/** Who gets notified about this transaction, and with which shop's key. */
	function notifyTarget(trx, link) {
		const s = shop(trx ? trx.serviceId : link.serviceId);
		const url = (trx && trx.notificationUrl) || (link && link.notificationUrl) || sim.cfg.notificationUrl;
		return { url, serviceId: s.id, key: s._key };
	}

	/** {transaction, payment}: payment is the full link (or API payment) object, refunds included (API.md Corrections). */
	function notifyTransaction(trx) {
		const state = st();
		const link = trx._paymentId && state.paymentLinks[trx._paymentId];
		const payload = { transaction: S.transactionView(state, trx, { withRefunds: false }), payment: S.paymentObject(state, trx) };
		return sim.notifier.send({ ...notifyTarget(trx, link), payload });
	}

	function notifyLink(link) {
		return sim.notifier.send({ ...notifyTarget(null, link), payload: { payment: S.linkView(st(), link, { withTransactions: false }) } });
	}

	/** Consumes the driven outcome (setOutcome), if any. */
	function takeOutcome() {
		const o = st().outcome;
		if (!o) return null;
		if (o.remaining !== undefined) {
			o.remaining -= 1;
			if (o.remaining <= 0) st().outcome = null;
		}
		return o;
	}

	/** Changes a transaction's status, keeps its link in step, and notifies. */
	function setStatus(trx, status, extra = {}) {
		if (!STATUSES.includes(status)) throw errors.validation('REQ-ERROR-100002', { status }, [{ property: 'instance.status', message: `is not one of enum values: ${STATUSES.join(',')}` }]);
		trx.status = status;
		trx.modified = nowSec();
		if (extra.statusCode !== undefined) trx.statusCode = extra.statusCode;
		else if (trx.type === 'sale' && trx.paymentMethod === 'card' && cardCodeFor(status)) trx.statusCode = cardCodeFor(status);
		const payment = trx.type === 'sale' && S.paymentOf(st(), trx);
		if (payment) {
			payment.status = status;
			payment.modified = trx.modified;
			if (status === 'settled') payment.isActive = false;
		}
		notifyTransaction(trx);
		return trx;
	}

	function scheduleExpiry(link) {
		if (link.validTo === null || link.validTo === undefined) return;
		const wait = link.validTo * 1000 - sim.cfg.now();
		if (wait > 2 ** 31 - 1) return; // checked lazily on read instead
		const t = setTimeout(() => {
			sim.timers.delete(t);
			if (st().paymentLinks[link.id] === link) expireLinkIfDue(link);
		}, Math.max(0, wait));
		t.unref();
		sim.timers.add(t);
	}

	function createLink(body, origin) {
		const now = nowSec();
		const id = uuid();
		const link = {
			id,
			url: `${origin}/paywall/${id}`,
			simp: '',
			serviceId: body.serviceId,
			orderId: body.orderId,
			title: body.title !== undefined ? body.title : '',
			amount: body.amount,
			currency: body.currency,
			status: 'new',
			isActive: true,
			validTo: body.validTo === undefined ? null : body.validTo,
			created: now,
			modified: now,
			isGenerated: false,
			isUsed: false,
			usedAt: null,
			isConfirmVisited: false,
			confirmVisitedAt: null,
			returnUrl: body.returnUrl || '',
			successReturnUrl: body.successReturnUrl || '',
			failureReturnUrl: body.failureReturnUrl || '',
			notificationUrl: body.notificationUrl || '',
			customer: body.customer,
		};
		for (const k of ['additionalDescription', 'visibleMethod', 'preselectMethodCode', 'billing', 'shipping', 'multipayout', 'invoice', 'cart']) {
			if (body[k] !== undefined) link[k] = body[k];
		}
		st().paymentLinks[id] = link;
		scheduleExpiry(link);
		return link;
	}

	function endLink(link, status) {
		link.status = status;
		link.isActive = false;
		link.modified = nowSec();
		notifyLink(link);
	}

	function expireLinkIfDue(link) {
		if (link.validTo !== null && link.validTo !== undefined && link.validTo * 1000 <= sim.cfg.now() && !FINAL_LINK.includes(link.status)) {
			endLink(link, 'cancelled');
		}
	}

	function getLink(id) {
		const link = st().paymentLinks[id];
		if (!link) throw errors.notFound('Payment not found.');
		expireLinkIfDue(link);
		return link;
	}

	function cancelLink(link) {
		if (FINAL_LINK.includes(link.status)) throw errors.refusal('Cannot cancel payment');
		endLink(link, 'cancelled');
	}

	function expireLink(link) {
		if (FINAL_LINK.includes(link.status)) throw errors.refusal('Cannot expire payment: it is already final');
		endLink(link, 'cancelled');
	}

	function newTransaction(fields) {
		const now = nowSec();
		const trx = { id: uuid(), type: 'sale', status: 'pending', source: 'api', created: now, modified: now, notificationUrl: '', ...fields };
		st().transactions[trx.id] = trx;
		return trx;
	}

	/**
	 * The payment imoje makes for a sale created through the API: a link-like object with
	 * an id of its own, which notifications carry in full (API.md Corrections).
	 */
	function apiPayment(trx, body, origin) {
		const id = uuid();
		trx._payment = {
			id, url: `${origin}/paywall/redirect/${trx.id}`, simp: '', serviceId: trx.serviceId, orderId: trx.orderId, title: trx.title,
			amount: trx.amount, currency: trx.currency, status: trx.status, isActive: true, validTo: trx.validTo === undefined ? null : trx.validTo,
			created: trx.created, modified: trx.modified, isGenerated: false, isUsed: true, usedAt: trx.created,
			returnUrl: '', successReturnUrl: body.successReturnUrl || '', failureReturnUrl: body.failureReturnUrl || '',
			notificationUrl: trx.notificationUrl || '', customer: body.customer,
		};
		return trx;
	}

	/** Notifies the new API transaction at `pending` (imoje's documented example), then applies its outcome. */
	function afterApiCreate(trx, outcome) {
		return () => {
			if (st().transactions[trx.id] !== trx) return;
			notifyTransaction(trx);
			if (outcome) setStatus(trx, outcome.status, { statusCode: outcome.statusCode });
		};
	}

	/** Outcome of a new payment: sandbox titles and card amounts first, then setOutcome, then `fallback`. */
	function decideOutcome(title, fallback, card) {
		if (title === 'TEST-100000') return { status: 'settled' };
		if (title === 'TEST-100010') return { status: 'error', statusCode: 'ACQ-ERROR-130004' };
		return (card && sandboxCardOutcome(card.amount)) || takeOutcome() || (fallback ? { status: fallback } : null);
	}

	/** The payer "pays" a link: a web sale transaction in it, in the driven status. */
	function payLink(link, opts = {}) {
		if (FINAL_LINK.includes(link.status)) throw errors.refusal(`Payment link is not payable: status is ${link.status}`);
		const paymentMethod = opts.paymentMethod || 'blik';
		const outcome = opts.status ? { status: opts.status, statusCode: opts.statusCode } : decideOutcome(link.title, 'settled', paymentMethod === 'card' && link);
		const now = nowSec();
		link.isUsed = true;
		link.usedAt = link.usedAt || now;
		link.isConfirmVisited = true;
		link.confirmVisitedAt = link.confirmVisitedAt || now;
		const trx = newTransaction({
			source: 'web',
			status: 'new',
			notificationUrl: link.notificationUrl,
			serviceId: link.serviceId,
			amount: link.amount,
			currency: link.currency,
			title: link.title,
			orderId: link.orderId,
			paymentMethod,
			paymentMethodCode: opts.paymentMethodCode || (paymentMethod === 'card' ? 'ecom3ds' : 'blik'),
			_paymentId: link.id,
		});
		attachCardProfile(sim, trx, link.customer);
		return setStatus(trx, outcome.status, { statusCode: outcome.statusCode });
	}

	function checkMethod(body, code) {
		const s = shop(body.serviceId);
		const m = s.paymentMethods.find((x) => x.paymentMethod === body.paymentMethod && x.paymentMethodCode === body.paymentMethodCode && x.currency === body.currency);
		if (!s.isActive || !m || !m.isActive) throw errors.refusal('Cannot process transaction. Not supported payment method.', code, body);
		const { minTransaction, maxTransaction } = m.transactionLimits;
		if (body.amount < minTransaction.value || body.amount > maxTransaction.value) {
			throw errors.refusal('Cannot process transaction. Amount out of the payment method limits.', code, body);
		}
	}

	/** POST /transaction. Returns the transaction and what to do after answering. */
	function createTransaction(body, origin) {
		if (body.title === 'TEST-100010') throw errors.refusal('Cannot process transaction. Payment method provider error.', 'ACQ-ERROR-130004', body);
		checkMethod(body, 'TRX-ERROR-120003');
		const fields = {};
		// Card data (card, additionalData) is never kept: imoje's PCI rules (seed 04).
		for (const k of ['serviceId', 'amount', 'currency', 'title', 'orderId', 'paymentMethod', 'paymentMethodCode', 'notificationUrl', 'additionalDescription', 'customer', 'validTo', 'visibleMethod', 'data', 'installment']) {
			if (body[k] !== undefined) fields[k] = body[k];
		}
		const trx = apiPayment(newTransaction({ title: '', ...fields }), body, origin);
		attachCardProfile(sim, trx, body.customer);
		const blik = body.blikCode !== undefined;
		trx.action = blik
			? { type: 'redirect', url: '', method: '', contentType: '', contentBodyRaw: '' }
			: { type: 'redirect', url: `${origin}/paywall/redirect/${trx.id}`, method: 'GET', contentType: '', contentBodyRaw: '' };
		const outcome = decideOutcome(trx.title, null, trx.paymentMethod === 'card' && trx);
		return { trx, after: afterApiCreate(trx, outcome) };
	}

	function requireAuthorized(trx, what) {
		if (trx.type !== 'sale' || trx.status !== 'authorized') throw errors.refusal(`Cannot ${what} transaction: status is ${trx.status}, expected authorized`);
	}

	function getTransaction(id) {
		const trx = st().transactions[id];
		if (!trx) throw errors.notFound('Transaction not found.');
		return trx;
	}

	function getProfile(id) {
		const p = st().profiles[id];
		if (!p) throw errors.notFound('Payment profile not found.');
		return p;
	}

	function debitProfile(body, origin) {
		const p = getProfile(body.paymentProfileId);
		if (p.isActive !== 1) throw errors.refusal('Payment profile inactive.', 'TRX-ERROR-120301', body);
		if (body.title === 'TEST-100010') throw errors.refusal('Cannot process transaction. Payment method provider error.', 'ACQ-ERROR-130004', body);
		const isRecurring = p.profile === 'RECURRING';
		const trx = newTransaction({
			notificationUrl: body.notificationUrl || '',
			serviceId: body.serviceId,
			amount: body.amount,
			currency: body.currency,
			title: body.title !== undefined ? body.title : '',
			orderId: body.orderId,
			paymentMethod: 'card',
			paymentMethodCode: isRecurring ? 'recurring' : 'oneclick',
			paymentProfile: S.profileView(p),
		});
		apiPayment(trx, body, origin);
		const outcome = decideOutcome(trx.title, 'settled', trx);
		return { trx, after: afterApiCreate(trx, outcome) };
	}

	function deactivateProfile(p) {
		p.isActive = 0;
		p.modified = nowSec();
		return p;
	}

	const engine = {
		shop, getLink, createLink, cancelLink, expireLink, payLink, setStatus, createTransaction, getTransaction,
		requireAuthorized, getProfile, debitProfile, deactivateProfile, notifyTransaction, notifyLink,
	};
	return Object.assign(engine, createRefunds(sim, { newTransaction, notifyTransaction, setStatus }));
}

module.exports = { createEngine };

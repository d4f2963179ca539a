'use strict';
// Refunds: what can still be refunded, and creating a refund (a transaction of
// type "refund" that points at its sale through the internal `_parentId`).
const { errors } = require('./util');
const S = require('./state');

function createRefunds(sim, { newTransaction, notifyTransaction, setStatus }) {
	const st = () => sim.state;

	function balance(trx) {
		const refunded = S.refundsOf(st(), trx.id).filter((r) => !['rejected', 'error', 'cancelled'].includes(r.status)).reduce((a, r) => a + r.amount, 0);
		return { refunded, balance: Math.max(0, trx.amount - refunded) };
	}

	/** Whether the shop's balance covers `amount` (null `_balance`: always). */
	function shopCovers(trx, amount) {
		const shop = st().shops[trx.serviceId];
		return !shop || shop._balance === null || shop._balance === undefined || shop._balance >= amount;
	}

	/**
	 * imoje's can-refund answer (API.md Corrections): `balance` is a boolean (the shop's
	 * balance suffices), `fullRefund` the amount a full refund gives back, and
	 * `partialRefund` the range of a partial one.
	 */
	function canRefund(trx, amount) {
		const paid = trx.type === 'sale' && trx.status === 'settled';
		const left = paid ? balance(trx).balance : 0;
		const covered = shopCovers(trx, amount);
		return {
			id: trx.id,
			refundable: paid && amount > 0 && amount <= left && covered,
			balance: covered,
			fullRefund: left,
			partialRefund: { maxRefundAmount: left, minRefundAmount: left > 0 ? 1 : 0 },
		};
	}

	function refund(trx, body) {
		if (body.serviceId !== trx.serviceId) {
			throw errors.validation('TRX-ERROR-120001', body, [{ property: 'instance.serviceId', message: 'does not match the shop of the transaction' }]);
		}
		if (trx.type !== 'sale' || trx.status !== 'settled') throw errors.refusal(`Cannot refund transaction: status is ${trx.status}`, 'TRX-ERROR-120401', body);
		const { balance: bal } = balance(trx);
		if (body.amount > bal) throw errors.refusal(`Refund amount exceeds the refundable balance (${bal})`, 'TRX-ERROR-120402', body);
		if (!shopCovers(trx, body.amount)) throw errors.refusal('Insufficient shop balance for the refund', 'TRX-ERROR-120404', body);
		const last = st().lastRefundAt[trx.id];
		const now = sim.cfg.now();
		if (last !== undefined && now - last < sim.cfg.refundIntervalMs) {
			throw errors.refusal(`Too many refunds: wait ${sim.cfg.refundIntervalMs / 1000} s between two refunds of one transaction`, 'TRX-ERROR-120403', body);
		}
		st().lastRefundAt[trx.id] = now;
		const shop = st().shops[trx.serviceId];
		if (shop && typeof shop._balance === 'number') shop._balance -= body.amount;
		const r = newTransaction({
			type: 'refund',
			status: 'new',
			notificationUrl: trx.notificationUrl,
			serviceId: trx.serviceId,
			amount: body.amount,
			currency: trx.currency,
			title: body.title !== undefined ? body.title : trx.title,
			orderId: trx.orderId,
			paymentMethod: trx.paymentMethod,
			paymentMethodCode: trx.paymentMethodCode,
			_parentId: trx.id,
			_paymentId: trx._paymentId,
		});
		if (body.sendRefundConfirmationEmail !== undefined) r.sendRefundConfirmationEmail = body.sendRefundConfirmationEmail;
		const target = sim.cfg.refundStatus;
		if (target === 'settled') {
			r.status = 'settled';
			return { refundTrx: r, after: () => notifyTransaction(r) };
		}
		return { refundTrx: r, after: target !== 'new' ? () => setStatus(r, target) : undefined };
	}

	return { balance, canRefund, refund };
}

module.exports = { createRefunds };

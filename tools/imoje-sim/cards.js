'use strict';
// Card payments: imoje's card status codes, and the card profile a payment made
// with a payer id (`cid`) carries. Sources: API.md Corrections (codes CODE_000,
// CODE_05, CODE_51 ...; paymentProfile on every OneClick/recurring payment's
// notification, the first card-saving one included) and seed 03 (paymentProfile shape).
const { uuid } = require('./util');
const S = require('./state');

/** imoje's documented card codes: CODE_000 OK, CODE_05 default reject, CODE_51 insufficient funds. */
const CARD_CODES = { ok: 'CODE_000', reject: 'CODE_05', insufficientFunds: 'CODE_51' };
/** imoje's sandbox rejects a card payment of 1 PLN as insufficient funds (API.md Corrections). */
const SANDBOX_REJECT_AMOUNT = 100;

/** The card code a status gets when none is given; undefined for statuses without a decision yet. */
function cardCodeFor(status) {
	if (status === 'settled' || status === 'authorized') return CARD_CODES.ok;
	if (status === 'rejected' || status === 'error') return CARD_CODES.reject;
	return undefined;
}

/** A card payment's outcome when imoje's sandbox decides it (1 PLN), else null. */
function sandboxCardOutcome(amount) {
	return amount === SANDBOX_REJECT_AMOUNT ? { status: 'rejected', statusCode: CARD_CODES.insufficientFunds } : null;
}

/**
 * The profile a card payment with a `cid` runs on: the payer's active profile of that
 * kind, or a new one registered by this (first, card-saving) payment.
 */
function profileForCardPayment(sim, { cid, paymentMethodCode, customer }) {
	const kind = paymentMethodCode === 'recurring' ? 'RECURRING' : 'ONE_CLICK';
	const state = sim.state;
	const existing = Object.values(state.profiles).find((p) => p.merchantCustomerId === cid && p.profile === kind && p.isActive === 1);
	if (existing) return existing;
	const nowSec = Math.floor(sim.cfg.now() / 1000);
	const p = {
		id: uuid(), merchantMid: state.merchantId, merchantCustomerId: cid,
		firstName: (customer && customer.firstName) || '', lastName: (customer && customer.lastName) || '',
		maskedNumber: '****1111', month: '12', year: '2029', organization: 'VISA', isActive: 1, profile: kind, created: nowSec, modified: nowSec,
	};
	state.profiles[p.id] = p;
	return p;
}

/** Attaches the card profile to a sale paid by card with a cid; other payments are left alone. */
function attachCardProfile(sim, trx, customer) {
	const cid = customer && customer.cid;
	if (trx.paymentMethod !== 'card' || !cid) return;
	trx.paymentProfile = S.profileView(profileForCardPayment(sim, { cid, paymentMethodCode: trx.paymentMethodCode, customer }));
}

module.exports = { CARD_CODES, cardCodeFor, sandboxCardOutcome, attachCardProfile };

'use strict';
// In-memory state: shops with payment methods, payment links, transactions
// (refunds are transactions of type "refund"), card profiles, trusted IPs.
// Fields whose names start with "_" are internal and never leave the simulator
// through the merchant API (GET /_sim/state shows them, for tests).

const SECOND_SERVICE_ID = 'c0ffee00-5a1e-4b0b-9c1d-000000000002';
const SEED_PROFILE_IDS = {
	oneClick: '0c1c0c1c-0001-4000-8000-000000000001',
	recurring: '0c1c0c1c-0002-4000-8000-000000000002',
	inactive: '0c1c0c1c-0003-4000-8000-000000000003',
};
const SEED_CID = 'sim-customer-1';

// [paymentMethod, paymentMethodCode, description, currencies, min, max, isOnline]
const CATALOGUE = [
	['blik', 'blik', 'BLIK', ['PLN'], 1, 5000000, true],
	['pbl', 'ing', 'ING Bank Śląski', ['PLN'], 1, 10000000, true],
	['pbl', 'mtransfer', 'mTransfer (mBank)', ['PLN'], 1, 10000000, true],
	['pbl', 'ipko', 'PKO Bank Polski', ['PLN'], 1, 10000000, true],
	['pbl', 'millennium', 'Millennium', ['PLN'], 1, 10000000, true, false],
	['card', 'ecom3ds', 'Payment card', ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'HUF', 'CZK', 'BGN', 'RON'], 1, 10000000, true],
	['card', 'oneclick', 'Card OneClick', ['PLN', 'EUR'], 1, 10000000, true],
	['card', 'recurring', 'Card recurring', ['PLN', 'EUR'], 1, 10000000, true],
	['wallet', 'gpay', 'Google Pay', ['PLN', 'EUR'], 1, 10000000, true],
	['wallet', 'applepay', 'Apple Pay', ['PLN', 'EUR'], 1, 10000000, true],
	['imoje_paylater', 'paypo', 'PayPo', ['PLN'], 1000, 500000, true],
	['wt', 'wt', 'Traditional transfer', ['PLN', 'EUR'], 1, 100000000, false],
];
const LABELS = { blik: 'BLIK', pbl: 'Online transfer', card: 'Payment card', wallet: 'Wallet', imoje_paylater: 'Pay later', wt: 'Traditional transfer', ing: 'ING' };

function buildMethods(filter) {
	const out = [];
	for (const [paymentMethod, paymentMethodCode, description, currencies, min, max, isOnline, isActive = true] of CATALOGUE) {
		if (filter && !filter.includes(paymentMethodCode)) continue;
		for (const currency of currencies) {
			out.push({
				paymentMethod, paymentMethodCode, isActive, isOnline, description, currency,
				transactionLimits: { minTransaction: { type: 'number', value: min }, maxTransaction: { type: 'number', value: max } },
			});
		}
	}
	return out;
}

function seedProfiles(merchantId, nowSec) {
	const base = { merchantMid: merchantId, firstName: 'Jan', lastName: 'Kowalski', created: nowSec, modified: nowSec };
	const list = [
		{ id: SEED_PROFILE_IDS.oneClick, merchantCustomerId: SEED_CID, maskedNumber: '****1111', month: '12', year: '2029', organization: 'VISA', isActive: 1, profile: 'ONE_CLICK' },
		{ id: SEED_PROFILE_IDS.recurring, merchantCustomerId: SEED_CID, maskedNumber: '****4444', month: '11', year: '2030', organization: 'MASTERCARD', isActive: 1, profile: 'RECURRING' },
		{ id: SEED_PROFILE_IDS.inactive, merchantCustomerId: 'sim-customer-2', maskedNumber: '****2222', month: '01', year: '2028', organization: 'VISA', isActive: 0, profile: 'ONE_CLICK' },
	];
	const out = {};
	for (const p of list) out[p.id] = { id: p.id, ...base, ...p };
	return out;
}

/** Fresh state for the resolved configuration `cfg`. */
function createState(cfg) {
	const nowSec = Math.floor(cfg.now() / 1000);
	const shops = {};
	// imoje's service object: id, created, isActive, paymentMethods (no name). `_balance`
	// (smallest unit, null = enough for any refund) feeds can-refund's boolean `balance`.
	const shop = (id, methods, key) => ({ id, created: nowSec, isActive: true, paymentMethods: methods, _key: key, _balance: null });
	shops[cfg.serviceId] = shop(cfg.serviceId, buildMethods(), cfg.shopKey);
	shops[SECOND_SERVICE_ID] = shop(SECOND_SERVICE_ID, buildMethods(['blik', 'ing']), `${cfg.shopKey}-2`);
	return {
		merchantId: cfg.merchantId,
		serviceId: cfg.serviceId,
		shops,
		paymentLinks: {},
		transactions: {},
		profiles: seedProfiles(cfg.merchantId, nowSec),
		trustedIps: [],
		outcome: null,
		lastRefundAt: {},
	};
}

/** A copy without internal ("_") keys. */
function publicView(obj) {
	const out = {};
	for (const [k, v] of Object.entries(obj)) if (!k.startsWith('_')) out[k] = v;
	return JSON.parse(JSON.stringify(out));
}

function shopView(shop) {
	return { service: publicView(shop) };
}

/**
 * The payment a transaction belongs to: its link, or for a transaction created through
 * the API the payment imoje makes for it (`_payment`, an id of its own). A refund
 * belongs to its sale's payment.
 */
function paymentOf(state, trx) {
	const sale = trx._parentId ? state.transactions[trx._parentId] : trx;
	return (sale._paymentId && state.paymentLinks[sale._paymentId]) || sale._payment;
}

/** The short `payment` reference inside a transaction (seed 04's example): id and status. */
function paymentRef(state, trx) {
	const p = paymentOf(state, trx);
	return { id: p.id, status: p.status };
}

/** The full payment object a notification carries (API.md Corrections): the link as GET /payment/{id} shows it, without its transaction list. */
function paymentObject(state, trx) {
	return publicView(paymentOf(state, trx));
}

function transactionView(state, trx, { withRefunds = true, withAction = true } = {}) {
	const v = publicView(trx);
	v.payment = paymentRef(state, trx);
	if (!withAction) delete v.action;
	if (trx.type === 'sale') {
		if (trx.status === 'settled') v.paidAmount = trx.amount;
		// Each element wrapped as {transaction: {...}} (imoje's plugin reads refunds that way; API.md Corrections).
		if (withRefunds) v.refunds = refundsOf(state, trx.id).map((r) => ({ transaction: transactionView(state, r, { withRefunds: false, withAction: false }) }));
	}
	return v;
}

function refundsOf(state, trxId) {
	return Object.values(state.transactions).filter((t) => t._parentId === trxId);
}

/** Link object as get/cancel answer it: top level, with its transactions. */
function linkView(state, link, { withTransactions = true } = {}) {
	const v = publicView(link);
	if (withTransactions) {
		v.transactions = Object.values(state.transactions)
			.filter((t) => t._paymentId === link.id)
			.map((t) => transactionView(state, t, { withRefunds: false, withAction: false }));
	}
	return v;
}

function profileView(profile) {
	return publicView(profile);
}

/** Everything, for GET /_sim/state (internal fields included so tests can see links). */
function snapshot(state) {
	return JSON.parse(JSON.stringify({
		merchantId: state.merchantId,
		serviceId: state.serviceId,
		shops: Object.values(state.shops).map((s) => ({ ...s, _key: undefined })),
		paymentLinks: Object.values(state.paymentLinks).map((l) => ({ ...linkView(state, l), _transactionIds: Object.values(state.transactions).filter((t) => t._paymentId === l.id).map((t) => t.id) })),
		transactions: Object.values(state.transactions).map((t) => ({ ...transactionView(state, t), _paymentId: t._paymentId, _parentId: t._parentId })),
		profiles: Object.values(state.profiles).map(profileView),
		trustedIps: state.trustedIps,
		outcome: state.outcome,
	}));
}

module.exports = {
	SECOND_SERVICE_ID, SEED_PROFILE_IDS, SEED_CID, LABELS,
	createState, publicView, shopView, transactionView, linkView, profileView, paymentRef, paymentOf, paymentObject, refundsOf, snapshot,
};

'use strict';
// imoje simulator: a local stand-in for imoje's REST API (test and tool code only).
// See README.md. Node built-ins only.
const fs = require('node:fs');
const path = require('node:path');
const { createState, snapshot, SECOND_SERVICE_ID, SEED_PROFILE_IDS, SEED_CID } = require('./state');
const { Notifier, IMOJE_RETRY_MS, sign } = require('./notify');
const { Faults } = require('./faults');
const { createEngine } = require('./engine');
const { createRoutes } = require('./routes');
const { createControl, makeProfile } = require('./control');
const { createHttpServer } = require('./server');
const { UUID_V4, STATUSES, isLoopbackHost, clone } = require('./util');
const { validate, loadSchemas, SCHEMA_DIR } = require('./validate');

const DEFAULTS = {
	port: 0,
	host: '127.0.0.1',
	merchantId: 'sim-merchant',
	serviceId: '5f3c1a2e-8b4d-4e6f-9a7b-1c2d3e4f5a6b',
	token: 'sim-token',
	shopKey: 'sim-shop-key',
	notificationUrl: null,
	alg: 'sha256',
	retryScale: 0.01,
	refundIntervalMs: 5000,
	refundStatus: 'settled',
	notificationTimeoutMs: 5000,
	deliverExternal: false,
	allowLocalNotificationUrl: false,
	testWebhooks: false,
	stateFile: null,
};

function deliveryView(d) {
	return { deliveryId: d.id, ...(d.test ? { test: true } : {}), url: d.url, attempts: d.attempts, state: d.state, signatureHeader: d.signatureHeader, body: d.body.toString('utf8') };
}

function checkUrl(url) {
	try {
		if (!/^https?:$/.test(new URL(url).protocol)) throw new Error();
	} catch {
		throw new Error(`test webhook url must be an http(s) URL, not ${url}`);
	}
}

/** Test-webhook delivery: `{all, shops}`, each entry null/false (off) or `{url?}` (on; url overrides the derived test URL). */
function initialTestWebhooks(option) {
	const all = option ? { ...(typeof option === 'object' ? option : {}) } : null;
	return { all, shops: {} };
}

/** One test-webhook setting as stored: null (off) or `{url?}`; anything else is not ours. */
function storedSetting(value) {
	if (value === null || value === false) return null;
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a setting');
	if (value.url === undefined) return {};
	checkUrl(value.url);
	return { url: value.url };
}

/**
 * The test-webhook settings saved in `stateFile` by an earlier run, or undefined when
 * there is no file (or it is not one we wrote: then the options apply, and the next
 * change overwrites it).
 */
function readStoredTestWebhooks(file, shops, log) {
	if (!file || !fs.existsSync(file)) return undefined;
	try {
		const saved = JSON.parse(fs.readFileSync(file, 'utf8')).testWebhooks;
		const out = { all: storedSetting(saved.all), shops: {} };
		for (const [serviceId, setting] of Object.entries(saved.shops || {})) {
			if (shops[serviceId]) out.shops[serviceId] = storedSetting(setting);
		}
		return out;
	} catch (e) {
		log(`ignoring ${file}: ${e.message}`);
		return undefined;
	}
}

/** Saves the test-webhook settings (write to a temporary file, then rename: never half a file). */
function writeStoredTestWebhooks(file, testWebhooks) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, `${JSON.stringify({ testWebhooks }, null, 2)}\n`);
	fs.renameSync(tmp, file);
}

function resolveConfig(options) {
	const o = { ...options };
	for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
	const cfg = { ...DEFAULTS, ...o };
	if (options.clock && options.clock.retryScale !== undefined && o.retryScale === undefined) cfg.retryScale = options.clock.retryScale;
	if (cfg.host === 'localhost') cfg.host = '127.0.0.1';
	if (!isLoopbackHost(cfg.host)) throw new Error(`imoje simulator listens on loopback only, not ${cfg.host}`);
	if (!UUID_V4.test(cfg.serviceId)) throw new Error('serviceId must be a lowercase UUID v4');
	if (!['sha224', 'sha256', 'sha384', 'sha512'].includes(cfg.alg)) throw new Error('alg must be sha224, sha256, sha384 or sha512');
	if (!['settled', 'new', 'pending'].includes(cfg.refundStatus)) throw new Error('refundStatus must be settled, new or pending');
	cfg.retrySchedule = Array.isArray(o.retrySchedule) ? o.retrySchedule : IMOJE_RETRY_MS.map((ms) => Math.round(ms * cfg.retryScale));
	cfg.now = typeof o.now === 'function' ? o.now : () => Date.now();
	if (cfg.testWebhooks && typeof cfg.testWebhooks === 'object' && cfg.testWebhooks.url !== undefined) checkUrl(cfg.testWebhooks.url);
	return cfg;
}

/**
 * Creates a simulator. Nothing listens until start().
 * @param {object} [options] see README.md (port, host, merchantId, serviceId, token, shopKey,
 *   notificationUrl, alg, retryScale | clock.retryScale | retrySchedule, refundIntervalMs,
 *   refundStatus, notificationTimeoutMs, deliverExternal, allowLocalNotificationUrl, rewriteNotificationUrl, now, logger,
 *   testWebhooks, stateFile: a JSON file that keeps the test-webhook settings across restarts)
 */
function createSimulator(options = {}) {
	const cfg = resolveConfig(options);
	const sim = {
		cfg,
		config: cfg,
		state: createState(cfg),
		faults: new Faults(),
		timers: new Set(),
		origin: null,
		url: null,
		port: null,
		baseUrl: null,
		log: typeof cfg.logger === 'function' ? cfg.logger : () => {},
		testWebhooks: initialTestWebhooks(cfg.testWebhooks),
	};
	// Where test events go, as the last run left it (POST /_sim/test-webhooks), wins over
	// the options: a user's "send to my trigger's Test URL" survives a restart.
	const stored = readStoredTestWebhooks(cfg.stateFile, sim.state.shops, sim.log);
	if (stored) sim.testWebhooks = stored;
	sim.restoredTestWebhooks = Boolean(stored);
	const newNotifier = () =>
		new Notifier({
			merchantId: cfg.merchantId, alg: cfg.alg, schedule: cfg.retrySchedule, timeoutMs: cfg.notificationTimeoutMs,
			deliverExternal: cfg.deliverExternal, rewriteNotificationUrl: cfg.rewriteNotificationUrl,
			testWebhooks: (serviceId) => {
				const t = sim.testWebhooks;
				return serviceId in t.shops ? t.shops[serviceId] : t.all;
			},
		});
	sim.notifier = newNotifier();
	const engine = createEngine(sim);
	sim.engine = engine;
	sim.routes = createRoutes(sim, engine);
	sim.control = createControl(sim, engine);
	let server = null;

	const clearTimers = () => {
		for (const t of sim.timers) clearTimeout(t);
		sim.timers.clear();
	};

	Object.assign(sim, {
		start() {
			if (server) return Promise.resolve({ url: sim.url, port: sim.port });
			if (sim.notifier.stopped) sim.notifier = newNotifier();
			server = createHttpServer(sim);
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(cfg.port, cfg.host, () => {
					server.off('error', reject);
					sim.port = server.address().port;
					const host = cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
					sim.origin = sim.url = `http://${host}:${sim.port}`;
					sim.baseUrl = `${sim.url}/v1/merchant`;
					resolve({ url: sim.url, port: sim.port });
				});
			});
		},
		stop() {
			sim.notifier.stop();
			clearTimers();
			if (!server) return Promise.resolve();
			const s = server;
			server = null;
			return new Promise((resolve) => {
				s.close(() => resolve());
				s.closeAllConnections();
			});
		},
		/** Clears state, the notification log, pending deliveries and faults. */
		reset() {
			clearTimers();
			sim.notifier.clear();
			sim.faults.clear();
			sim.state = createState(cfg);
		},
		snapshot: () => snapshot(sim.state),
		/** Outcome of the next payments (link pays, API transactions, profile debits); null clears. */
		setOutcome(status, opts = {}) {
			if (status === null || status === undefined) {
				sim.state.outcome = null;
				return null;
			}
			if (!STATUSES.includes(status)) throw new Error(`status must be one of ${STATUSES.join(', ')}`);
			if (opts.count !== undefined && !(Number.isInteger(opts.count) && opts.count > 0)) throw new Error('count must be a positive integer');
			sim.state.outcome = { status, ...(opts.statusCode ? { statusCode: opts.statusCode } : {}), ...(opts.count ? { remaining: opts.count } : {}) };
			return { ...sim.state.outcome };
		},
		/**
		 * Switches delivery to n8n test webhooks on or off, for one shop or (no serviceId) all.
		 * Each notification then also goes, once, to its /webhook-test/ twin or to `url`.
		 */
		setTestWebhooks({ enabled = true, serviceId, url } = {}) {
			if (serviceId !== undefined && !sim.state.shops[serviceId]) throw new Error(`unknown serviceId ${serviceId}`);
			if (url !== undefined && url !== null) checkUrl(url);
			const setting = enabled ? (url ? { url } : {}) : null;
			if (serviceId === undefined) {
				sim.testWebhooks.all = setting;
				sim.testWebhooks.shops = {};
			} else sim.testWebhooks.shops[serviceId] = setting;
			if (cfg.stateFile) writeStoredTestWebhooks(cfg.stateFile, sim.testWebhooks);
			return sim.getTestWebhooks();
		},
		getTestWebhooks: () => clone(sim.testWebhooks),
		/** Sends a signed notification of a transaction's current state now; returns the delivery. */
		notifyTransaction(id) {
			const d = engine.notifyTransaction(engine.getTransaction(id));
			return d ? deliveryView(d) : null;
		},
		/** Sends a signed notification for a link now: of its latest transaction, else {payment} alone. */
		notifyPayment(id) {
			const link = engine.getLink(id);
			const trx = Object.values(sim.state.transactions).filter((t) => t._paymentId === id && t.type === 'sale').pop();
			const d = trx ? engine.notifyTransaction(trx) : engine.notifyLink(link);
			return d ? deliveryView(d) : null;
		},
		/** The shop's balance in the smallest unit, for can-refund's `balance` and refunds; null = always enough. */
		setShopBalance(serviceId, amount) {
			const shop = sim.state.shops[serviceId];
			if (!shop) throw new Error(`unknown serviceId ${serviceId}`);
			if (amount !== null && !Number.isInteger(amount)) throw new Error('amount must be an integer (smallest unit) or null');
			shop._balance = amount;
			return amount;
		},
		setFault: (fault) => sim.faults.add(fault),
		clearFaults: () => sim.faults.clear(),
		/** Every notification delivery attempt, oldest first. */
		notifications: () => clone(sim.notifier.log),
		deliveries: () => sim.notifier.deliveries.map(deliveryView),
		resendLast() {
			const d = sim.notifier.resendLast();
			return d ? deliveryView(d) : null;
		},
		payPayment: (id, opts) => engine.payLink(engine.getLink(id), opts || {}),
		settlePayment(id) {
			const link = engine.getLink(id);
			const open = Object.values(sim.state.transactions).find((t) => t._paymentId === id && t.type === 'sale' && ['new', 'pending', 'authorized'].includes(t.status));
			return open ? engine.setStatus(open, 'settled') : engine.payLink(link, { status: 'settled' });
		},
		expirePayment: (id) => engine.expireLink(engine.getLink(id)),
		cancelPayment: (id) => engine.cancelLink(engine.getLink(id)),
		setTransactionStatus: (id, status, statusCode) => engine.setStatus(engine.getTransaction(id), status, { statusCode }),
		addProfile(fields) {
			const p = makeProfile(fields, cfg.merchantId, Math.floor(cfg.now() / 1000));
			sim.state.profiles[p.id] = p;
			return { ...p };
		},
		/** What to type into the n8n imoje credential. */
		credentialInfo: () => ({
			environment: 'Custom', baseUrl: sim.baseUrl, merchantId: cfg.merchantId, serviceId: cfg.serviceId,
			authorizationToken: cfg.token, shopKey: cfg.shopKey, notificationUrl: cfg.notificationUrl,
		}),
	});
	return sim;
}

module.exports = {
	createSimulator,
	sign,
	validate,
	loadSchemas,
	SCHEMA_DIR,
	IMOJE_RETRY_MS,
	DEFAULTS,
	SECOND_SERVICE_ID,
	SEED_PROFILE_IDS,
	SEED_CID,
};

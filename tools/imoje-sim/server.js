'use strict';
// HTTP front: faults, bearer check, merchant check, routing, JSON in and out.
const http = require('node:http');
const { ApiError, errors, envelope, sendJson, sendText, readBody, parseJsonBody } = require('./util');
const { apply, holdAnswer } = require('./faults');

const PREFIX = '/v1/merchant/';

function escapeHtml(s) {
	return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A bare-bones paywall so a human can "pay" a link or a redirect in a browser. */
function paywall(sim, path) {
	const m = /^\/paywall\/(?:(redirect)\/)?([0-9a-f-]{36})$/.exec(path);
	if (!m) return null;
	const isTrx = Boolean(m[1]);
	const obj = isTrx ? sim.state.transactions[m[2]] : sim.state.paymentLinks[m[2]];
	if (!obj) return null;
	const action = isTrx ? `/_sim/transactions/${obj.id}/status` : `/_sim/payments/${obj.id}/pay`;
	const buttons = ['settled', 'authorized', 'rejected', 'error']
		.map((s) => `<button onclick="go('${s}')">${s}</button>`)
		.join(' ');
	return `<!doctype html><html><head><meta charset="utf-8"><title>imoje simulator paywall</title></head><body>
<h1>imoje simulator</h1><p>${isTrx ? 'Transaction' : 'Payment link'} <code>${obj.id}</code>: ${escapeHtml(obj.title || '')}
 ${(obj.amount / 100).toFixed(2)} ${escapeHtml(obj.currency)}, status <b id="s">${escapeHtml(obj.status)}</b></p><p>${buttons}</p>
<script>async function go(status){const r=await fetch(${JSON.stringify(action)},{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({status})});
const j=await r.json();document.getElementById('s').textContent=j.transaction?j.transaction.status:JSON.stringify(j);}</script></body></html>`;
}

function createHttpServer(sim) {
	async function run(route, req, res, lateAnswerMs) {
		const body = parseJsonBody(await readBody(req));
		let out;
		try {
			out = await route.handler({ params: route.params, body, origin: sim.origin, req });
		} catch (e) {
			if (lateAnswerMs) await holdAnswer(sim.faults, lateAnswerMs, sim.timers);
			throw e;
		}
		let answerBody = out.body;
		if (lateAnswerMs) {
			// Copied now: a late answer shows the state of the moment it was asked, not of when it leaves.
			if (answerBody !== undefined) answerBody = JSON.parse(JSON.stringify(answerBody));
			await holdAnswer(sim.faults, lateAnswerMs, sim.timers);
		}
		sendJson(res, out.status || 200, answerBody);
		if (out.after) {
			try {
				out.after();
			} catch (e) {
				sim.log(`after-answer step failed: ${e.stack || e}`);
			}
		}
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://127.0.0.1');
		const path = url.pathname;
		sim.log(`${req.method} ${path}`);
		if (path === '/_sim' || path.startsWith('/_sim/')) {
			return run(sim.control.match(req.method, path), req, res);
		}
		if (req.method === 'GET' && path.startsWith('/paywall/')) {
			const html = paywall(sim, path);
			if (html) return sendText(res, 200, html, 'text/html; charset=UTF-8');
			throw errors.notFound('Payment not found.');
		}
		if (!path.startsWith(PREFIX)) throw errors.notFound('Resource not found.');
		const [merchant, ...rest] = path.slice(PREFIX.length).split('/');
		const rel = `/${rest.join('/')}`;
		const fault = sim.faults.take([path, rel]);
		if (fault && (await apply(fault, req, res, sim.timers))) {
			req.resume();
			return undefined;
		}
		const auth = req.headers.authorization || '';
		const m = /^Bearer\s+(.+)$/i.exec(auth);
		if (!m || m[1].trim() !== sim.cfg.token) throw errors.unauthorized();
		if (decodeURIComponent(merchant) !== sim.cfg.merchantId) throw errors.notFound('Merchant not found.');
		return run(sim.routes.match(req.method, rel.replace(/\/+$/, '') || '/'), req, res, fault ? fault.lateAnswerMs : undefined);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			if (res.headersSent || res.destroyed) return;
			if (e instanceof ApiError) return sendJson(res, e.status, e.body);
			sim.log(`internal error: ${e.stack || e}`);
			sendJson(res, 500, envelope({ code: 'SRV-ERROR-500', message: 'Internal Server Error', errors: [] }));
		});
	});
	server.keepAliveTimeout = 1000;
	return server;
}

module.exports = { createHttpServer };

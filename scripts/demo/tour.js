// What the demo prints and runs: a sample request for every example (each one is
// also what --smoke runs, so a printed request is known to work), and the guide.
const { CREDENTIAL, TRIGGER_TYPE, webhookUrls } = require('./workflows');
const { DEFAULT_OWNER } = require('../../test/e2e/harness/n8n');
const { WAIT_PATH, sampleDeal: waitDeal, printWaitGuide, smokeWait } = require('./wait');

function say(msg = '') {
	process.stdout.write(`${msg}\n`);
}

const sampleDeal = () => ({
	dealId: 'D-1001',
	value: 249.99,
	currency: 'PLN',
	contact: { firstName: 'Anna', lastName: 'Nowak', email: 'anna.nowak@example.com' },
});

/**
 * A paid transaction in the simulator, for the refund example to refund: the
 * simulator settles a transaction titled TEST-100000 at once, as imoje's sandbox does
 * (API.md, Sandbox).
 */
async function paidTransaction({ simUrl, credentialData }) {
	const res = await fetch(`${simUrl}/v1/merchant/${credentialData.merchantId}/transaction`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${credentialData.authorizationToken}` },
		body: JSON.stringify({
			type: 'sale', serviceId: credentialData.serviceId, amount: 8000, currency: 'PLN', orderId: 'SHOP-77', title: 'TEST-100000',
			paymentMethod: 'blik', paymentMethodCode: 'blik', successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/fail',
			customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.com' },
		}),
	});
	const body = await res.json().catch(() => ({}));
	if (!res.ok || !body.transaction) throw new Error(`the simulator did not create a transaction (HTTP ${res.status}): ${JSON.stringify(body).slice(0, 200)}`);
	return body.transaction.id;
}

/** Sample bodies for the examples' webhooks, by webhook path. */
const SAMPLES = {
	'crm-deal-won': async () => sampleDeal(),
	'order-returned': async (ctx) => ({ transactionId: await paidTransaction(ctx), amount: 3000, orderId: 'SHOP-77' }),
	[WAIT_PATH]: async () => waitDeal('D-1002'),
};

/** One sample request per example webhook, with the data it needs made in the simulator. */
async function samplesFor(imported, ctx) {
	const out = [];
	for (const item of imported) {
		for (const u of webhookUrls(item.workflow, ctx.baseUrl, ctx.triggerPath)) {
			if (u.kind !== 'webhook' || !SAMPLES[u.path]) continue;
			try {
				out.push({ item, url: u, path: u.path, body: await SAMPLES[u.path](ctx) });
			} catch (e) {
				say(`  ! no sample for ${u.path}: ${e.message}`);
			}
		}
	}
	return out;
}

function printGuide({ baseUrl, simUrl, imported, triggerPath, credentialData, samples, t0, testTarget }) {
	const line = '─'.repeat(72);
	say(`\n${line}`);
	say(`imoje demo ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	say(line);
	say(`n8n editor   ${baseUrl}`);
	say(`  e-mail     ${DEFAULT_OWNER.email}`);
	say(`  password   ${DEFAULT_OWNER.password}`);
	say(`credential   "${CREDENTIAL.name}" (Credentials tab): Custom Base URL ${credentialData.baseUrl},`);
	say(`             Merchant ID ${credentialData.merchantId}, Shop ID ${credentialData.serviceId}`);
	say(`simulator    ${simUrl}/_sim  (state: ${simUrl}/_sim/state)`);
	if (imported.length) {
		say('\nworkflows (each opens with a note on what it shows and how to try it):');
		for (const { workflow, published } of imported) {
			say(`  • ${workflow.name}${published ? '' : ' (not published)'}  ${baseUrl}/workflow/${workflow.id}`);
			for (const u of webhookUrls(workflow, baseUrl, triggerPath)) say(`      ${u.method} ${u.url}`);
		}
	}
	say('\nsample requests (each one runs its example):');
	for (const { item, url, path, body } of samples) {
		say(`  • ${item.workflow.name}`);
		say(`     curl -s -X POST ${url.url} -H 'content-type: application/json' \\`);
		say(`       -d '${JSON.stringify(body)}'`);
		if (path === WAIT_PATH) printWaitGuide({ simUrl });
	}
	say('  • payment settled → alert: pay the link the CRM sample returns, in a browser (its paymentUrl) or:');
	say(`     curl -s -X POST ${simUrl}/_sim/payments/<paymentId>/settle`);
	say('     (other outcomes: POST /_sim/payments/<id>/pay with {"status":"rejected"}, /expire; see tools/imoje-sim/README.md)');
	say('\nA test event for an imoje Trigger: open the trigger, click Execute step (the panel shows');
	say('"Listening for test event"), then pay or settle a link. The simulator sends every notification');
	say("to the trigger's Test URL (/webhook-test/…) as well. For a trigger you added yourself, point it");
	say("there once (copy the Test URL from the trigger's Webhook URLs; the demo remembers it):");
	say(`     curl -s -X POST ${simUrl}/_sim/test-webhooks -H 'content-type: application/json' \\`);
	say(`       -d '{"enabled":true,"url":"<the Test URL shown in the trigger>"}'`);
	say(`  ({"enabled":true} without a url sends them to each trigger's own Test URL again.)`);
	if (testTarget) say(`  now: ${testTarget}`);
	say('\nCtrl+C stops n8n and the simulator; your edits and login are kept for the next run.');
	say(line);
}

async function post(url, body) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: res.status, text: await res.text() };
}

/** The first JSON object of a webhook's answer (lastNode answers an object or a list). */
function answerObject(text) {
	try {
		const parsed = JSON.parse(text);
		const first = Array.isArray(parsed) ? parsed[0] : parsed;
		return first && typeof first === 'object' ? first : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The refund example's note says "run it twice": the same request again at once,
 * within imoje's 5 s between two refunds of one transaction, must get the example's
 * own answer (refunded: false and why), not n8n's bare 500.
 */
async function refundAgain(url, body, firstAnsweredAt) {
	const sentAt = Date.now();
	const answer = await post(url.url, body);
	const gap = ((sentAt - firstAnsweredAt) / 1000).toFixed(1);
	say(`  POST /webhook/order-returned again (${gap} s after the first answer) -> ${answer.status} ${answer.text.slice(0, 600)}`);
	const out = answerObject(answer.text);
	const ok = answer.status === 200 && Boolean(out) && out.refunded === false && typeof out.reason === 'string';
	if (!ok) say("  ✗ the refund example's second call did not get the example's own answer ({refunded: false, reason})");
	return ok;
}

/**
 * --smoke: every printed sample (the refund one twice; the wait example paid once and
 * expired once, see wait.js), then a payment settled; true when all ran.
 */
async function smoke({ client, simUrl, samples, triggerWf }) {
	say('\n▶ --smoke: running every sample request');
	if (!client || !triggerWf) {
		say('  ✗ no owner login or no published imoje Trigger workflow');
		return false;
	}
	let ok = true;
	let paymentId;
	for (const { item, path, url, body } of samples) {
		if (path === WAIT_PATH) {
			ok = (await smokeWait({ client, simUrl, url, workflowId: item.workflow.id })) && ok;
			continue;
		}
		const answer = await post(url.url, body);
		const answeredAt = Date.now();
		say(`  POST /webhook/${path} -> ${answer.status} ${answer.text.slice(0, 300)}`);
		ok = ok && answer.status === 200;
		if (path === 'order-returned') ok = (await refundAgain(url, body, answeredAt)) && ok;
		if (path === 'crm-deal-won') {
			try {
				const parsed = JSON.parse(answer.text);
				paymentId = (Array.isArray(parsed) ? parsed[0] : parsed).paymentId;
			} catch {
				/* reported below */
			}
		}
	}
	if (!paymentId) {
		say('  ✗ no payment link id from the CRM example');
		return false;
	}
	const before = (await client.executions(triggerWf.workflow.id)).length;
	const settle = await fetch(`${simUrl}/_sim/payments/${paymentId}/settle`, { method: 'POST' });
	say(`  POST /_sim/payments/${paymentId}/settle -> ${settle.status}`);
	try {
		const execs = await client.waitForExecutions(triggerWf.workflow.id, before + 1, { timeoutMs: 30000 });
		const detail = await client.execution(execs[0].id);
		const trig = triggerWf.workflow.nodes.find((n) => n.type === TRIGGER_TYPE);
		const runs = detail.data.resultData.runData[trig.name] || [];
		const item = runs[0] && runs[0].data && runs[0].data.main[0] && runs[0].data.main[0][0];
		say(`  ✓ "${triggerWf.workflow.name}" ran (execution ${execs[0].id}, ${execs[0].status})`);
		if (item) say(`    trigger output: ${JSON.stringify(item.json).slice(0, 400)}`);
		return ok && Boolean(item);
	} catch (e) {
		say(`  ✗ ${e.message}`);
		return false;
	}
}

module.exports = { samplesFor, printGuide, smoke };

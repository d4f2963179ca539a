// The "wait until paid" example in the demo (examples/payment-link-wait.json): its
// sample request, the commands that pay the link or let it expire in the simulator,
// and what --smoke checks. Its webhook answers with the link and the execution's id
// while the execution goes on to Wait for payment, which keeps it waiting in n8n
// until the simulator sends the link's notifications to that execution.

const WAIT_PATH = 'crm-deal-won-wait';
/** The example's node names, as examples/payment-link-wait.json has them. */
const NODES = { wait: 'Wait for payment', paid: 'Mark deal paid', reminder: 'Send reminder' };
/** The wait step's top-level fields the smoke prints (imoje's bodies, also in the item, are left out). */
const SHOWN = ['paid', 'ended', 'status', 'statusCode', 'amount', 'currency', 'orderId', 'paymentId', 'transactionId', 'reason', 'wait'];

function say(msg = '') {
	process.stdout.write(`${msg}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const sampleDeal = (dealId) => ({
	dealId,
	value: 99.5,
	currency: 'PLN',
	contact: { firstName: 'Piotr', lastName: 'Wiśniewski', email: 'piotr.wisniewski@example.com' },
});

/** What the guide prints under the example's sample request. */
function printWaitGuide({ simUrl }) {
	say(`     The answer has paymentId and executionId; the execution then waits in "${NODES.wait}"`);
	say('     (Overview › Executions shows it as Waiting). Pay the link or let it expire in the simulator:');
	say(`     curl -s -X POST ${simUrl}/_sim/payments/<paymentId>/settle    # paid: "${NODES.paid}" runs`);
	say(`     curl -s -X POST ${simUrl}/_sim/payments/<paymentId>/expire    # expired: "${NODES.reminder}" runs`);
	say("     (refused: /pay with -d '{\"status\":\"rejected\"}'; {\"status\":\"pending\"} keeps it waiting; or pay");
	say('     on the simulator\'s page at paymentUrl)');
}

async function simPost(simUrl, path, body) {
	const res = await fetch(`${simUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, text: await res.text() };
}

/** Polls n8n until the execution's status is one of `statuses`; returns the execution with its run data. */
async function executionIn(client, id, statuses, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await client.execution(id);
		if (statuses.includes(last.status)) return last;
		await sleep(250);
	}
	throw new Error(`execution ${id} is ${last ? last.status : 'unknown'} after ${timeoutMs / 1000} s, wanted ${statuses.join(' or ')}`);
}

/** The simulator's answered deliveries to this execution's waiting URL (test copies left out). */
async function deliveriesTo(simUrl, executionId) {
	const res = await fetch(`${simUrl}/_sim/notifications`);
	const { notifications } = await res.json();
	return notifications.filter((n) => !n.test && n.url.includes(`/webhook-waiting/${executionId}/`) && n.status !== null);
}

async function deliveryOf(simUrl, executionId, status, timeoutMs = 15000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = (await deliveriesTo(simUrl, executionId)).find((n) => n.payload && n.payload.transaction && n.payload.transaction.status === status);
		if (found) return found;
		await sleep(200);
	}
	throw new Error(`the simulator delivered no "${status}" notification to execution ${executionId} in ${timeoutMs / 1000} s`);
}

/** The first output item of a node's last run, and whether the node ran at all. */
function outputOf(execution, node) {
	const runs = execution.data.resultData.runData[node] || [];
	const last = runs[runs.length - 1];
	const item = last && last.data && last.data.main && last.data.main[0] && last.data.main[0][0];
	return { ran: runs.length > 0, json: item ? item.json : undefined };
}

/** Why the example's latest execution failed, as n8n recorded it. */
async function lastError(client, workflowId) {
	try {
		const [latest] = await client.executions(workflowId, { limit: 1 });
		const error = latest && (await client.execution(latest.id)).data.resultData.error;
		return error ? `${error.message}${error.description ? ` (${error.description})` : ''}` : 'n8n recorded no error';
	} catch (e) {
		return `could not read the execution: ${e.message}`;
	}
}

/** Starts the example with a deal and returns {paymentId, executionId} once the execution waits. */
async function startWaiting({ client, url, workflowId, dealId }) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleDeal(dealId)) });
	const text = await res.text();
	say(`  POST /webhook/${WAIT_PATH} (deal ${dealId}) -> ${res.status} ${text.slice(0, 300)}`);
	if (res.status !== 200) throw new Error(`the example's webhook answered ${res.status}: ${await lastError(client, workflowId)}`);
	const { paymentId, executionId } = JSON.parse(text);
	const waiting = await executionIn(client, executionId, ['waiting', 'success', 'error', 'canceled', 'crashed']);
	if (waiting.status !== 'waiting') {
		const error = waiting.data.resultData.error;
		throw new Error(`execution ${executionId} is ${waiting.status}, not waiting${error ? `: ${error.message}` : ''}`);
	}
	say(`    execution ${executionId} is waiting in "${NODES.wait}" (link ${paymentId})`);
	return { paymentId, executionId };
}

/** Checks the resumed execution: the wait step's item, and which branch of "Paid?" ran. */
async function resumed({ client, executionId, want }) {
	const done = await executionIn(client, executionId, ['success', 'error', 'canceled', 'crashed']);
	const out = outputOf(done, NODES.wait).json || {};
	const branch = want.paid ? NODES.paid : NODES.reminder;
	const other = want.paid ? NODES.reminder : NODES.paid;
	const summary = Object.fromEntries(SHOWN.filter((k) => out[k] !== undefined).map((k) => [k, out[k]]));
	say(`    resumed: execution ${executionId} ${done.status}; "${NODES.wait}" output: ${JSON.stringify(summary)}`);
	const ok =
		done.status === 'success' &&
		out.paid === want.paid &&
		out.ended === 'notification' &&
		out.status === want.status &&
		outputOf(done, branch).ran &&
		!outputOf(done, other).ran;
	say(ok ? `  ✓ wait example: ${want.status} -> paid:${want.paid}, "${branch}" ran` : `  ✗ wait example: wanted ${done.status === 'success' ? '' : 'success, '}paid:${want.paid}, status ${want.status}, ended notification and only "${branch}"`);
	return ok;
}

/**
 * --smoke for the wait example: a link paid in two steps (pending: answered 200, still
 * waiting; settled: resumed, paid:true) and a second link that expires (paid:false).
 */
async function smokeWait({ client, simUrl, url, workflowId }) {
	let ok = true;
	try {
		const paid = await startWaiting({ client, url: url.url, workflowId, dealId: 'D-1002' });
		const pay = await simPost(simUrl, `/_sim/payments/${paid.paymentId}/pay`, { status: 'pending' });
		say(`  POST /_sim/payments/${paid.paymentId}/pay {"status":"pending"} -> ${pay.status}`);
		const pending = await deliveryOf(simUrl, paid.executionId, 'pending');
		const still = await client.execution(paid.executionId);
		say(`    pending notification -> ${pending.status} ${pending.responseBody}; execution ${paid.executionId} is ${still.status}`);
		ok = ok && pending.status === 200 && still.status === 'waiting';
		const settle = await simPost(simUrl, `/_sim/payments/${paid.paymentId}/settle`);
		say(`  POST /_sim/payments/${paid.paymentId}/settle -> ${settle.status}`);
		ok = (await resumed({ client, executionId: paid.executionId, want: { paid: true, status: 'settled' } })) && ok;

		const lapsed = await startWaiting({ client, url: url.url, workflowId, dealId: 'D-1003' });
		const expire = await simPost(simUrl, `/_sim/payments/${lapsed.paymentId}/expire`);
		say(`  POST /_sim/payments/${lapsed.paymentId}/expire -> ${expire.status}`);
		ok = (await resumed({ client, executionId: lapsed.executionId, want: { paid: false, status: 'cancelled' } })) && ok;
	} catch (e) {
		say(`  ✗ wait example: ${e.message}`);
		return false;
	}
	return ok;
}

module.exports = { WAIT_PATH, sampleDeal, printWaitGuide, smokeWait };

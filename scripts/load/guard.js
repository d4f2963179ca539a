// The shipped guard example (examples/payment-settled-once.json) in queue mode: the same
// notification sent to webhook processors A and B at the same moment can run the trigger twice
// (each processor remembers only what it has seen, and what a run records is saved when it
// ends); the example's PostgreSQL claim must still let its action run once per notification.
// The tables are made from the SQL in the example's own note, so the note is what is tested.
const crypto = require('node:crypto');
const { loadExample } = require('../../test/e2e/harness');
const { signedNotification } = require('./notifications');
const { post } = require('./sender');
const { createShopCredential, settle } = require('./targets');
const { readPostgres, queryPostgres } = require('./executions');

const EXAMPLE = 'payment-settled-once.json';

/** The ```sql block of the example's sticky note. */
function setupSql(workflow) {
	const note = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote');
	const match = /```sql\n([\s\S]*?)```/.exec((note && note.parameters.content) || '');
	if (!match) throw new Error(`${EXAMPLE}: its note has no SQL block`);
	return match[1];
}

/** Publishes the example on main with this cluster's shop and database; sends `pairs` notifications to A and B at once. */
async function guardExample({ q, client, shop, tag, pairs }) {
	const workflow = loadExample(EXAMPLE);
	await queryPostgres(q.pg.conn, setupSql(workflow));
	const imoje = await createShopCredential(client, shop);
	const pg = await client.createCredential({
		name: 'queue: imoje notifications database',
		type: 'postgres',
		data: { host: q.pg.conn.host, port: q.pg.conn.port, database: q.pg.conn.database, user: q.pg.conn.user, password: '', ssl: 'disable' },
	});
	const webhookId = crypto.randomUUID();
	for (const node of workflow.nodes) {
		if (node.credentials && node.credentials.imojeApi) node.credentials.imojeApi = { id: imoje.id, name: imoje.name };
		if (node.credentials && node.credentials.postgres) node.credentials.postgres = { id: pg.id, name: pg.name };
		if (node.webhookId) node.webhookId = webhookId;
	}
	const created = await client.createWorkflow({ name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
	await client.activateWorkflow(created.id, created.versionId);
	const [A, B] = q.webhooks;
	const url = (proc) => `${proc.baseUrl}/webhook/${webhookId}/imoje`;
	const sent = [];
	for (let i = 0; i < pairs; i++) {
		const n = signedNotification(shop, `${tag}-ge-${i}`);
		sent.push({ ref: n.ref, answers: await Promise.all([post(url(A), n), post(url(B), n)]) });
	}
	await settle(client, [created.id], { quietMs: 4000 });
	const wf = (await readPostgres(q.pg.conn, `${tag}-ge-[0-9]+`))[created.id] || { refs: {}, byStatus: {} };
	const rows = await queryPostgres(q.pg.conn, 'SELECT order_id, count(*)::int AS n FROM imoje_paid_orders WHERE order_id LIKE $1 GROUP BY order_id', [`${tag}-ge-%`]);
	const recorded = Object.fromEntries(rows.map((r) => [r.order_id, r.n]));
	const ranTwice = sent.filter((s) => (wf.refs[s.ref] || []).length === 2).length;
	const once = sent.filter((s) => recorded[s.ref] === 1).length;
	const failed = wf.byStatus.error || 0;
	return {
		lines: [
			`  guard example (${EXAMPLE}), the same notification to A and B at once, ${pairs} times:`,
			`    the trigger ran twice for ${ranTwice}; "Record paid order" ran once for ${once}, more than once for ${sent.filter((s) => recorded[s.ref] > 1).length}, never for ${sent.filter((s) => !recorded[s.ref]).length}; failed executions: ${failed}`,
		],
		checks: [{ what: `guard example: its action ran exactly once per notification (${once} of ${pairs})`, pass: once === pairs && failed === 0 }],
	};
}

module.exports = { guardExample };

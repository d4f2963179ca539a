// Counts the executions n8n stored, per workflow and per notification, straight from its
// database: the REST list has no filter on run data, and 10,000 GETs of one execution each
// would load n8n more than the test did. Each notification's `ref` (its orderId) is in the
// trigger's output and so in the execution's stored data, also for a run that crashed.
//
// SQLite: n8n's own sqlite3 module is built for the harness's Node 24 (it crashes Node 20),
// so this file re-runs itself under that Node to read the file. Read it after n8n has
// stopped, so nothing is still being written. PostgreSQL: n8n's `pg` module (plain JS).
const path = require('node:path');
const { execFile } = require('node:child_process');
const { paths } = require('../../test/e2e/harness/paths');

const QUERY = `SELECT e.id, e."workflowId", e.status, e."startedAt", e."stoppedAt", d.data
FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id ORDER BY e.id`;

const time = (v) => (v == null ? 0 : v instanceof Date ? v.getTime() : Date.parse(`${String(v).replace(' ', 'T')}Z`));

/** Adds one execution row to the per-workflow summary. */
function collect(summary, row, re) {
	const wf = (summary[row.workflowId] ||= { total: 0, byStatus: {}, noRef: 0, refs: {} });
	wf.total++;
	wf.byStatus[row.status] = (wf.byStatus[row.status] || 0) + 1;
	const refs = new Set(String(row.data || '').match(re) || []);
	if (refs.size === 0) wf.noRef++;
	const execution = { id: Number(row.id), status: row.status, startedAt: time(row.startedAt), stoppedAt: time(row.stoppedAt) };
	for (const ref of refs) (wf.refs[ref] ||= []).push(execution);
}

/** Under Node 24: streams the rows of `dbFile` and prints the summary as JSON. */
function sqliteMain(dbFile, pattern) {
	const sqlite3 = require(require.resolve('sqlite3', { paths: [paths().n8nDir] }));
	const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
	const summary = {};
	const re = new RegExp(pattern, 'g');
	db.each(
		QUERY,
		(err, row) => {
			if (err) throw err;
			collect(summary, row, re);
		},
		(err) => {
			if (err) throw err;
			db.close();
			process.stdout.write(JSON.stringify(summary));
		},
	);
}

/**
 * Summary of every execution in an n8n SQLite file, per workflow id:
 * `{ total, byStatus, noRef, refs: { ref: [{ id, status, startedAt, stoppedAt }] } }`
 * (times in ms; `noRef`: executions whose data holds no notification id).
 */
function readSqlite(dbFile, pattern) {
	return new Promise((resolve, reject) => {
		execFile(paths().nodeBin, [__filename, dbFile, pattern], { maxBuffer: 1 << 28 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`reading ${dbFile} failed: ${stderr || err.message}`));
			else resolve(JSON.parse(stdout));
		});
	});
}

/** Runs one query on n8n's PostgreSQL database (`conn`: pg client options); resolves the rows. */
async function queryPostgres(conn, sql, params = []) {
	const { Client } = require(require.resolve('pg', { paths: [paths().n8nDir] }));
	const client = new Client(conn);
	await client.connect();
	try {
		return (await client.query(sql, params)).rows;
	} finally {
		await client.end();
	}
}

/** The same summary as readSqlite, from n8n's PostgreSQL database. */
async function readPostgres(conn, pattern) {
	const summary = {};
	const re = new RegExp(pattern, 'g');
	for (const row of await queryPostgres(conn, QUERY)) collect(summary, row, re);
	return summary;
}

/** The n8n user folder's SQLite file (`<folder>/.n8n/database.sqlite`). */
function sqliteFile(userFolder) {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

if (require.main === module) sqliteMain(process.argv[2], process.argv[3]);

module.exports = { readSqlite, readPostgres, queryPostgres, sqliteFile };

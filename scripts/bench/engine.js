// Runs evaluations.js (section 0) under the e2e harness's Node, so the node runs on n8n
// 2.38.7's own n8n-core and n8n-workflow as in a real n8n.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { ensureInstalled } = require('../../test/e2e/harness/install');
const { paths } = require('../../test/e2e/harness/paths');

async function benchEngine({ items = 1000, rounds = 3 } = {}) {
	await ensureInstalled();
	// n8n-core writes its settings into N8N_USER_FOLDER: a fresh one, removed afterwards.
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-bench-engine-'));
	try {
		const code = await new Promise((resolve, reject) => {
			const child = spawn(paths().nodeBin, [path.join(__dirname, 'evaluations.js'), String(items), String(rounds)], {
				env: { ...process.env, N8N_USER_FOLDER: userFolder },
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			child.stdout.on('data', (chunk) => {
				for (const line of String(chunk).split('\n')) if (line && !line.startsWith('RESULT ') && !/encryption key/.test(line)) console.log(line);
			});
			child.on('error', reject);
			child.on('exit', resolve);
		});
		if (code !== 0) throw new Error(`the engine section exited with ${code}`);
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { benchEngine };

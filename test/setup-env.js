// Plain JS on purpose: n8n's community lint rules forbid `process` in test/**/*.ts.
// n8n-core writes its instance settings under N8N_USER_FOLDER (default ~/.n8n);
// point it at a throw-away folder so tests never touch the user's n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

if (!process.env.N8N_USER_FOLDER_FOR_TESTS) {
	process.env.N8N_USER_FOLDER_FOR_TESTS = mkdtempSync(join(tmpdir(), 'imoje-n8n-'));
}
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// The engine's own logs would drown the test output; tests that inspect logs capture them.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

// File-system helpers for the demo plan test (the community lint forbids node: imports in test/**/*.ts).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const demo = require('../../scripts/demo/workflows.js');
const wait = require('../../scripts/demo/wait.js');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

module.exports = {
	demo,
	wait,
	/** examples/*.json as shipped: file name and parsed workflow. */
	examples: () =>
		fs
			.readdirSync(EXAMPLES)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) })),
	tempFolder: () => fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-demo-plan-')),
	removeFolder: (dir) => fs.rmSync(dir, { recursive: true, force: true }),
	/** A CLI whose `export:workflow --all --output=F` writes the given workflows to F, as n8n's does. */
	cliExporting: (workflows) => ({
		run: async (args) => {
			const output = args.find((a) => a.startsWith('--output=')).slice('--output='.length);
			fs.writeFileSync(output, JSON.stringify(workflows));
			return { code: 0 };
		},
	}),
};

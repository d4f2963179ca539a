#!/usr/bin/env node
// Editor screenshots for the README: `npm run screenshots [-- scenario…]`.
// Starts the demo (scripts/demo.js: n8n with this package and the imoje simulator)
// in a throw-away folder on free ports, logs in with Debian's Chromium in headless
// mode (driven by playwright-core), runs each scenario and saves PNGs in
// docs/images/. Scenarios: see scripts/screenshots/scenarios.js (default: all but
// `amounts`). Needs `npm run build` first and /usr/bin/chromium.
// Env: IMOJE_E2E_CACHE (where n8n is installed), IMOJE_SCREENSHOTS_DIR (output).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const HARNESS = path.join(__dirname, '..', 'test', 'e2e', 'harness');
const { REPO_ROOT } = require(path.join(HARNESS, 'paths'));
const { freePort, setupOwner, DEFAULT_OWNER } = require(path.join(HARNESS, 'n8n'));
const { SCENARIOS, DEFAULT_SCENARIOS } = require('./screenshots/scenarios');

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function say(msg) {
	process.stdout.write(`${msg}\n`);
}

/** The demo on free ports, until it prints that it is ready. Resolves its URLs and a stop(). */
async function startDemo(userFolder) {
	const port = await freePort();
	let simPort = await freePort();
	while (simPort === port) simPort = await freePort();
	const child = spawn(process.execPath, ['scripts/demo.js', '--no-build', '--port', String(port), '--sim-port', String(simPort), '--user-folder', userFolder], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const exited = new Promise((resolve) => child.on('exit', resolve));
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the demo was not ready in 240 s:\n${output.slice(-2000)}`)), 240000);
		const onData = (d) => {
			output += d;
			if (/imoje demo ready in/.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		exited.then((code) => reject(new Error(`the demo exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
	});
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		simUrl: `http://127.0.0.1:${simPort}`,
		serviceId: (output.match(/Shop ID ([0-9a-f-]{36})/) || [])[1],
		output: () => output,
		async stop() {
			child.kill('SIGINT');
			await exited;
		},
	};
}

async function main() {
	const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const names = wanted.length ? wanted : DEFAULT_SCENARIOS;
	const unknown = names.filter((n) => !SCENARIOS[n]);
	if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: npm run build first');
	const outDir = path.resolve(process.env.IMOJE_SCREENSHOTS_DIR || path.join(REPO_ROOT, 'docs', 'images'));
	fs.mkdirSync(outDir, { recursive: true });

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-screenshots-'));
	let demo;
	let browser;
	try {
		say('▶ starting the demo (n8n + simulator)');
		demo = await startDemo(path.join(tmp, 'n8n'));
		const client = await setupOwner(demo.baseUrl);
		const { chromium, selectors } = require('playwright-core');
		selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks its elements so
		browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
			executablePath: CHROMIUM,
			headless: true,
			args: FLAGS,
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		const page = browser.pages()[0] || (await browser.newPage());
		say('▶ logging in');
		await page.goto(`${demo.baseUrl}/signin`);
		await page.locator('input[type="email"]').fill(DEFAULT_OWNER.email);
		await page.locator('input[type="password"]').fill(DEFAULT_OWNER.password);
		await page.locator('input[type="password"]').press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
		const ctx = { page, client, demo, outDir, say, shot: (name) => shot(page, outDir, name) };
		const failed = [];
		for (const name of names) {
			say(`▶ ${name}`);
			try {
				await SCENARIOS[name](ctx);
			} catch (e) {
				failed.push(name);
				say(`  ✗ ${name}: ${e.message.split('\n')[0]}`);
				await shot(page, outDir, `failed-${name}`).catch(() => undefined);
			}
		}
		if (failed.length) process.exitCode = 1;
	} finally {
		if (browser) await browser.close().catch(() => undefined);
		if (demo) await demo.stop().catch(() => undefined);
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

async function shot(page, outDir, name) {
	const file = path.join(outDir, `${name}.png`);
	await page.screenshot({ path: file });
	say(`  saved ${path.relative(REPO_ROOT, file)}`);
	return file;
}

main().catch((e) => {
	process.stderr.write(`\nscreenshots failed: ${e.message}\n`);
	process.exit(1);
});

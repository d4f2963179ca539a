// The label check of test/e2e/labels.test.ts: opens a node's panel in the real n8n
// editor (Debian's Chromium in headless mode, driven by playwright-core), at the
// panel's default width, with every optional field of its collections and fixed
// collections added, and lists every text the panel cuts off: parameter labels
// (n8n ends them with an ellipsis when they do not fit), other one-line texts the
// editor truncates the same way (group titles, option names), and placeholders wider
// than their box. Screenshots of each panel go to a temporary folder.
// Plain JS: it needs timers, the file system and process (forbidden in test/**/*.ts).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { DEFAULT_OWNER } = require('./n8n');

const CHROMIUM = process.env.IMOJE_E2E_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A desktop window; the panel keeps n8n's default width (nothing is dragged, the browser profile is new). */
const VIEWPORT = { width: 1440, height: 900 };

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------
// Which panels: every resource x operation of a node's description, with its
// collections filled in.

/** Whether a property's displayOptions show it for these values (conditions other than plain values count as met). */
function shown(property, values, properties) {
	const opts = property.displayOptions || {};
	const valueOf = (name) => {
		if (name in values) return values[name];
		const p = properties.find((x) => x.name === name && shown(x, values, properties));
		return p ? p.default : undefined;
	};
	const matches = (name, wanted) => {
		if (name.startsWith('@')) return true; // @version and the like
		const v = valueOf(name);
		return wanted.some((w) => (w && typeof w === 'object' ? true : Array.isArray(v) ? v.includes(w) : v === w));
	};
	for (const [name, wanted] of Object.entries(opts.show || {})) if (!matches(name, wanted)) return false;
	for (const [name, wanted] of Object.entries(opts.hide || {})) if (matches(name, wanted)) return false;
	return true;
}

/** A value for one field: its default, or the first choice of an options field without one. */
function leafValue(p) {
	if (p.type === 'collection') return fillCollection(p);
	if (p.type === 'fixedCollection') return fillFixedCollection(p);
	if (p.default !== undefined && p.default !== '' && p.default !== null) return p.default;
	if (p.type === 'options' && Array.isArray(p.options) && p.options.length) return p.options[0].value;
	return p.default === undefined ? '' : p.default;
}

/** Every option of a collection added, as the "Add Field" button would. */
function fillCollection(p) {
	const out = {};
	for (const option of p.options || []) out[option.name] = leafValue(option);
	return out;
}

/** One entry of every group of a fixed collection, each with all of its fields. */
function fillFixedCollection(p) {
	const out = {};
	for (const group of p.options || []) {
		const entry = {};
		for (const field of group.values || []) entry[field.name] = leafValue(field);
		out[group.name] = p.typeOptions && p.typeOptions.multipleValues ? [entry] : entry;
	}
	return out;
}

/**
 * One panel per resource x operation of a node description (or one panel when it has
 * no resource), with every shown collection and fixed collection filled in.
 * Returns `[{ resource, operation, parameters }]`.
 */
function panelsOf(description) {
	const props = description.properties || [];
	const resourceProp = props.find((p) => p.name === 'resource');
	const combos = [];
	if (!resourceProp) combos.push({});
	else {
		for (const r of resourceProp.options) {
			const opProps = props.filter((p) => p.name === 'operation' && shown(p, { resource: r.value }, props));
			if (!opProps.length) combos.push({ resource: r.value });
			for (const op of opProps) for (const o of op.options) combos.push({ resource: r.value, operation: o.value });
		}
	}
	return combos.map((values) => {
		const parameters = { ...values };
		for (const p of props) {
			if (p.name in parameters || !shown(p, parameters, props)) continue;
			if (p.type === 'collection') parameters[p.name] = fillCollection(p);
			else if (p.type === 'fixedCollection') parameters[p.name] = fillFixedCollection(p);
		}
		return { resource: values.resource, operation: values.operation, parameters };
	});
}

// ---------------------------------------------------------------------------
// The browser.

/**
 * Debian's Chromium, installed with apt-get when missing (as the harness installs n8n), so
 * that `npm install && npm test` runs everything on a fresh machine: npm's own browser
 * downloads cannot be had here.
 */
function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0 || CHROMIUM !== '/usr/bin/chromium') {
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set IMOJE_E2E_CHROMIUM)`);
	}
	const { execFileSync } = require('node:child_process');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: 600_000 });
}

/** Chromium, logged in to n8n as the e2e owner. `close()` ends it. */
async function openEditor({ baseUrl, owner = DEFAULT_OWNER, shotDir }) {
	ensureChromium();
	const { chromium, selectors } = require('playwright-core');
	try {
		selectors.setTestIdAttribute('data-test-id'); // how n8n's editor marks its elements
	} catch {
		/* already set by an earlier call in this process */
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[type="email"]').fill(owner.email);
	await page.locator('input[type="password"]').fill(owner.password);
	await page.locator('input[type="password"]').press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
	const dir = shotDir || fs.mkdtempSync(path.join(os.tmpdir(), 'imoje-labels-'));
	fs.mkdirSync(dir, { recursive: true });
	return {
		page,
		shotDir: dir,
		close: () => browser.close(),
		/** Opens a workflow's node and returns what it cuts off (see inspectPanel). */
		inspect: (opts) => inspectPanel(page, { baseUrl, shotDir: dir, ...opts }),
	};
}

/** Runs in the page: every cut-off text in the open panel's parameters. */
function findCutOffs() {
	/* global document, getComputedStyle */
	const ndv = document.querySelector('[data-test-id="ndv"]');
	if (!ndv) return { error: 'no open node panel' };
	const params = ndv.querySelector('[data-test-id="node-parameters"]') || ndv;
	const canvas = document.createElement('canvas').getContext('2d');
	const width = (text, style) => {
		canvas.font = style.font;
		return canvas.measureText(text).width;
	};
	/** The part of `text` the box shows before its ellipsis. */
	const visiblePart = (text, style, room) => {
		const dots = width('…', style);
		let n = text.length;
		while (n > 0 && width(text.slice(0, n), style) + dots > room) n--;
		return `${text.slice(0, n).trimEnd()}…`;
	};
	const out = [];
	const seen = new Set();
	for (const el of params.querySelectorAll('*')) {
		if (el.clientWidth === 0 || seen.has(el)) continue;
		const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
		if (!text) continue;
		const style = getComputedStyle(el);
		const truncates = style.textOverflow === 'ellipsis' || (style.overflowX === 'hidden' && style.whiteSpace === 'nowrap');
		if (!truncates || el.scrollWidth <= el.clientWidth) continue;
		// Dropdown lists and pop-ups are not part of the panel's own layout.
		if (el.closest('.el-select-dropdown, [role="listbox"], [role="menu"]')) continue;
		for (const inner of el.querySelectorAll('*')) seen.add(inner);
		const label = el.closest('label, .n8n-input-label, [data-test-id="input-label"]');
		const kind = label ? 'label' : el.closest('input, textarea, .el-select__tags, .el-tag, [class*="tag"]') ? 'value' : 'text';
		const room = el.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
		const labelFor = label && label.getAttribute('for');
		out.push({ kind, label: text, visible: visiblePart(text, style, room), parameter: labelFor || undefined, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
	}
	// A label that itself ends in an ellipsis reads as cut off, whatever its width.
	for (const label of params.querySelectorAll('label')) {
		const text = (label.textContent || '').replace(/\s+/g, ' ').trim();
		if (label.clientWidth && /(…|\.\.\.)$/.test(text) && !out.some((c) => c.label === text)) {
			out.push({ kind: 'label', label: text, visible: text, parameter: label.getAttribute('for') || undefined, scrollWidth: label.scrollWidth, clientWidth: label.clientWidth });
		}
	}
	for (const input of params.querySelectorAll('input[placeholder], textarea[placeholder]')) {
		// A placeholder ending in an ellipsis right after a word looks cut off too
		// ("…, or pick another…"); after a "/" it is an example path going on.
		if (input.clientWidth && !input.value && /\p{L}\s*(…|\.\.\.)$/u.test(input.placeholder) && !/^(Select|Mode)/.test(input.placeholder)) {
			const holder = input.closest('.parameter-item, [data-test-id^="parameter-input-"]');
			const holderLabel = holder && holder.querySelector('label');
			out.push({ kind: 'placeholder', label: input.placeholder, visible: input.placeholder, parameter: holderLabel ? holderLabel.textContent.trim() : undefined, scrollWidth: 0, clientWidth: input.clientWidth });
		}
	}
	for (const input of params.querySelectorAll('input[placeholder], textarea[placeholder]')) {
		if (input.clientWidth === 0 || input.value || !input.placeholder) continue;
		const style = getComputedStyle(input);
		const room = input.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
		if (input.tagName === 'TEXTAREA' || width(input.placeholder, style) <= room + 0.5) continue;
		let owner = input.closest('.parameter-item, [data-test-id^="parameter-input-"]');
		const ownerLabel = owner && owner.querySelector('label');
		out.push({ kind: 'placeholder', label: input.placeholder, visible: `${input.placeholder.slice(0, Math.max(0, Math.floor((room / width(input.placeholder, style)) * input.placeholder.length)))}|`, parameter: ownerLabel ? ownerLabel.textContent.trim() : undefined, scrollWidth: Math.ceil(width(input.placeholder, style)), clientWidth: Math.floor(room) });
		owner = null;
	}
	const box = params.getBoundingClientRect();
	return { cut: out, panelWidth: Math.round(box.width), labels: params.querySelectorAll('label').length };
}

/**
 * Hovering a field shows its Fixed/Expression switch at the right of its label row,
 * which leaves the label less room: a label that fits at rest may be cut while the
 * user points at its field. Hovers every label that could be (less than 200 px to
 * spare at rest) and returns those cut then, `when: 'hover'`.
 */
async function hoverCutOffs(page, already) {
	const spare = 200; // the switch and its menu take about 160 px
	const candidates = await page.evaluate(({ skip, spare }) => {
		const params = document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]') || document.querySelector('[data-test-id="ndv"]');
		const out = [];
		params.querySelectorAll('[data-test-id="input-label"]').forEach((box, i) => {
			const label = box.querySelector('label');
			const title = label && (label.querySelector('[class*="_title_"] > *') || label.querySelector('[class*="_title_"]'));
			if (!title || !title.clientWidth) return;
			const text = (title.textContent || '').replace(/\s+/g, ' ').trim();
			if (!text || skip.includes(text)) return;
			const row = box.getBoundingClientRect().width;
			if (title.scrollWidth < row - Number(spare)) return;
			box.setAttribute('data-imoje-label-check', String(i));
			out.push({ id: String(i), text });
		});
		return out;
	}, { skip: already.filter((c) => c.kind === 'label').map((c) => c.label), spare });
	const cut = [];
	for (const { id, text } of candidates) {
		const box = page.locator(`[data-imoje-label-check="${id}"]`);
		await box.hover({ timeout: 5000 }).catch(() => undefined);
		await sleep(150);
		const measured = await box.evaluate((el) => {
			const label = el.querySelector('label');
			const title = label.querySelector('[class*="_title_"] > *') || label.querySelector('[class*="_title_"]');
			const style = getComputedStyle(title);
			const canvas = document.createElement('canvas').getContext('2d');
			canvas.font = style.font;
			const w = (t) => canvas.measureText(t).width;
			const full = (title.textContent || '').replace(/\s+/g, ' ').trim();
			let n = full.length;
			while (n > 0 && w(full.slice(0, n)) + w('…') > title.clientWidth) n--;
			return { scrollWidth: title.scrollWidth, clientWidth: title.clientWidth, visible: `${full.slice(0, n).trimEnd()}…`, parameter: label.getAttribute('for') || undefined };
		});
		if (measured.scrollWidth > measured.clientWidth) cut.push({ kind: 'label', when: 'hover', label: text, ...measured });
	}
	await page.mouse.move(2, VIEWPORT.height - 2);
	return cut;
}

/**
 * Opens `workflowId` in the editor, opens `nodeName`'s panel, takes screenshots of
 * its parameters top to bottom into `shotDir/<shotName>-N.png`, and returns
 * `{ cut: [{kind, label, visible, parameter}], panelWidth, labels, shots }`.
 */
async function inspectPanel(page, { baseUrl, workflowId, nodeName, shotDir, shotName, stretchLabel }) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 30000 });
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).first().dblclick();
	await page.getByTestId('ndv').waitFor({ timeout: 15000 });
	await sleep(1200); // fields appear, option lists load from the simulator
	if (stretchLabel) {
		// The detector's own check: one label made far longer than the panel must be reported.
		await page.evaluate((extra) => {
			const params = document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
			const title = [...params.querySelectorAll('label, label *')].find((t) => t.clientWidth && getComputedStyle(t).textOverflow === 'ellipsis');
			if (!title) throw new Error('no label in this panel is set to end in an ellipsis when cut');
			title.textContent = `${title.textContent.trim()} ${extra}`;
		}, stretchLabel);
		await sleep(300);
	}
	await page.mouse.move(2, VIEWPORT.height - 2); // no hover: hovering a field narrows its label
	await sleep(300);
	const found = await page.evaluate(findCutOffs);
	if (found.error) throw new Error(found.error);
	found.cut.forEach((c) => (c.when = 'always'));
	found.cut.push(...(await hoverCutOffs(page, found.cut)));
	const shots = [];
	// The parameters scroll inside the panel: a screenshot per screenful.
	const scroller = await page.evaluateHandle(() => {
		const params = document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]') || document.querySelector('[data-test-id="ndv"]');
		let el = params;
		while (el && el !== document.body) {
			const s = getComputedStyle(el);
			if (/(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight) return el;
			el = el.parentElement;
		}
		return params.querySelector('*') && [...params.querySelectorAll('*')].find((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight) || params;
	});
	const ndv = page.getByTestId('ndv');
	for (let i = 0; i < 12; i++) {
		const file = path.join(shotDir, `${shotName}-${i + 1}.png`);
		await ndv.screenshot({ path: file });
		shots.push(file);
		const moved = await scroller.evaluate((el) => {
			const before = el.scrollTop;
			el.scrollTop = before + el.clientHeight * 0.85;
			return el.scrollTop > before;
		});
		if (!moved) break;
		await sleep(250);
	}
	await scroller.dispose();
	return { ...found, shots };
}

/** Writes what was found as JSON and a readable list next to the screenshots; returns the list's path. */
function writeReport(shotDir, results) {
	fs.writeFileSync(path.join(shotDir, 'cut-offs.json'), JSON.stringify(results, null, 2));
	const lines = [];
	for (const r of results) {
		for (const c of r.cut) lines.push(`${r.panel}\t${c.kind}\t${c.when || ''}\t${c.label}\t${c.visible}`);
	}
	const file = path.join(shotDir, 'cut-offs.tsv');
	fs.writeFileSync(file, `panel\tkind\twhen\tlabel\tvisible\n${lines.join('\n')}\n`);
	process.stderr.write(`[labels] ${lines.length} cut-off text(s); screenshots and ${path.basename(file)} in ${shotDir}\n`);
	return file;
}

/**
 * The panels of the package as built (dist/, what n8n loads): one per resource x
 * operation of the imoje node, the trigger, then Wait for Payment per thing waited for. `[{ name, type, resource?, operation?, parameters }]`.
 */
function packagePanels() {
	const { REPO_ROOT } = require('./paths');
	const { Imoje } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'Imoje', 'Imoje.node.js'));
	const { ImojeTrigger } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'ImojeTrigger', 'ImojeTrigger.node.js'));
	const { ImojeWait } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'ImojeWait', 'ImojeWait.node.js'));
	const action = new Imoje().description;
	const trigger = new ImojeTrigger().description;
	const wait = new ImojeWait().description;
	return [
		...panelsOf(action).map((p) => ({ ...p, type: action.name, name: `${p.resource} › ${p.operation}` })),
		...panelsOf(trigger).map((p) => ({ ...p, type: trigger.name, name: 'trigger' })),
		...panelsOf(wait).map((p) => ({ ...p, type: wait.name, name: `wait for ${p.resource}` })),
	];
}

/**
 * n8n 2.x's editor cuts a label that does not fit with an ellipsis; 1.x's labels have
 * no such style (they wrap), so the detector's self-check applies to 2.x only.
 */
const EDITOR_CUTS_LABELS = require('./paths').VERSIONS.n8nMajor >= 2;

module.exports = { panelsOf, packagePanels, openEditor, writeReport, ensureChromium, CHROMIUM, EDITOR_CUTS_LABELS };

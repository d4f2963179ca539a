// The screenshots, one function each. Each opens what it shows in the real editor
// and saves a PNG; a scenario that cannot find what it needs throws, and the runner
// saves what the page looked like as failed-<name>.png.
const { stableId: stableIdOf } = require('../demo/workflows');

const CREDENTIAL = { imojeApi: { id: 'ImojeSimulator01', name: 'imoje (simulator)' } };
const SECOND_SHOP = 'c0ffee00-5a1e-4b0b-9c1d-000000000002';

async function openWorkflow(ctx, id) {
	await ctx.page.goto(`${ctx.demo.baseUrl}/workflow/${id}`);
	await ctx.page.getByTestId('canvas-node').first().waitFor({ timeout: 30000 });
	await ctx.page.waitForTimeout(800);
}

async function openNode(ctx, name) {
	await ctx.page.getByTestId('canvas-node').filter({ hasText: name }).first().dblclick();
	await ctx.page.getByTestId('ndv').waitFor({ timeout: 15000 });
	await ctx.page.waitForTimeout(800);
}

/** A one-node workflow made through n8n's API, opened on its node. */
async function scratchNode(ctx, name, parameters) {
	const wf = await ctx.client.createWorkflow({
		name: `screenshot: ${name}`,
		nodes: [{ id: '1c0de000-0000-4000-8000-000000000001', name, type: 'n8n-nodes-imoje.imoje', typeVersion: 1, position: [0, 0], parameters, credentials: CREDENTIAL }],
		connections: {},
	});
	await openWorkflow(ctx, wf.id);
	await openNode(ctx, name);
}

/** The parameter's box in the open node panel. */
const param = (ctx, name) => ctx.page.getByTestId('ndv').getByTestId(`parameter-input-${name}`);

/** Opens an options dropdown and waits for its items (loaded from the account). */
async function openDropdown(ctx, name) {
	await param(ctx, name).locator('input').first().click();
	await ctx.page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').first().waitFor({ timeout: 15000 });
	await ctx.page.waitForTimeout(500);
}

/** Types into a text parameter as a user would, then leaves the field. */
async function typeInto(ctx, name, text) {
	const input = param(ctx, name).locator('input, textarea').first();
	await input.click();
	await input.fill(text);
	await input.press('Tab');
	await ctx.page.waitForTimeout(600);
}

const SCENARIOS = {
	'example-flow': async (ctx) => {
		await openWorkflow(ctx, stableIdOf('examples/order-returned-refund.json'));
		await ctx.shot('example-flow');
	},
	// The README's picture of Wait for Payment: the whole example, note included.
	'wait-flow': async (ctx) => {
		await openWorkflow(ctx, stableIdOf('examples/payment-link-wait.json'));
		await ctx.page.getByTestId('canvas-node').filter({ hasText: 'Wait for payment' }).first().waitFor({ timeout: 15000 });
		await ctx.shot('wait-flow');
	},
	'node-panel': async (ctx) => {
		await openWorkflow(ctx, stableIdOf('examples/crm-deal-won-payment-link.json'));
		await openNode(ctx, 'Create payment link');
		await ctx.shot('node-panel');
	},
	'trigger-panel': async (ctx) => {
		await openWorkflow(ctx, stableIdOf('examples/payment-status-alert.json'));
		await openNode(ctx, 'imoje Trigger');
		await ctx.shot('trigger-panel');
	},
	// Done when (issue 9): choosing a shop from the list fills the channel dropdown with
	// that shop's active channels only (the simulator's shop has Millennium inactive and
	// the traditional transfer offline; neither may appear).
	'shop-channels': async (ctx) => {
		// Tall enough to show the picked shop and the open channel list together.
		await ctx.page.setViewportSize({ width: 1440, height: 1500 });
		await scratchNode(ctx, 'Start a bank transfer', { resource: 'transaction', operation: 'create', currency: 'PLN', paymentMethod: 'pbl' });
		const shop = param(ctx, 'shop');
		await shop.getByTestId('rlc-input').click();
		const items = ctx.page.getByTestId('rlc-item');
		await items.first().waitFor({ timeout: 15000 });
		await ctx.page.waitForTimeout(500);
		await ctx.shot('shop-list');
		// The credential's shop: the simulator's has inactive and offline channels to leave out.
		await items.filter({ hasText: (ctx.demo.serviceId || '').slice(0, 8) }).first().click();
		await ctx.page.waitForTimeout(800);
		await openDropdown(ctx, 'paymentMethodCode');
		await ctx.shot('shop-channels');
		await ctx.page.setViewportSize({ width: 1440, height: 900 });
	},
	// Done when (issue 9): a transaction ID given By ID is validated as it is typed.
	'transaction-by-id': async (ctx) => {
		await scratchNode(ctx, 'Refund an order', { resource: 'refund', operation: 'create' });
		// One mode (By ID): the locator shows as a plain box, without a mode selector.
		const input = param(ctx, 'transactionId').locator('input').first();
		await input.click();
		await input.fill('ORDER-77');
		await input.press('Tab');
		await ctx.page.waitForTimeout(800);
		// The editor marks the field; its message shows on the mark's tooltip.
		await ctx.page.getByTestId('ndv').getByTestId('parameter-issues').first().hover();
		await ctx.page.waitForTimeout(800);
		await ctx.shot('transaction-by-id');
	},
	// Depends on the amount fields of issue 8: what the editor shows for 0 and 7.5.
	// Not in the README: checks that nested labels fit the panel's default width.
	'nested-labels': async (ctx) => {
		await ctx.page.setViewportSize({ width: 1440, height: 2600 });
		await scratchNode(ctx, 'Payment link with invoice', {
			resource: 'paymentLink', operation: 'create', currency: 'PLN',
			additionalFields: {
				invoice: { details: { positions: { position: [{ name: '' }] } } },
				cart: { items: [{ id: '' }] },
				billing: { address: { firstName: '' } },
			},
		});
		await ctx.shot('nested-labels');
		await ctx.page.setViewportSize({ width: 1440, height: 900 });
		await ctx.page.getByTestId('ndv').getByText('Buyer Country Code').first().scrollIntoViewIfNeeded();
		await ctx.shot('nested-invoice-buyer');
		await ctx.page.getByTestId('ndv').getByText('Unit Price').first().scrollIntoViewIfNeeded();
		await ctx.shot('nested-invoice-positions');
	},
	amounts: async (ctx) => {
		await scratchNode(ctx, 'Payment link', { resource: 'paymentLink', operation: 'create', currency: 'PLN' });
		for (const [value, file] of [['0', 'amounts-0'], ['7.5', 'amounts-7.5']]) {
			await typeInto(ctx, 'amount', value);
			await ctx.shot(file);
		}
	},
};

module.exports = { SCENARIOS, DEFAULT_SCENARIOS: Object.keys(SCENARIOS).filter((n) => !['amounts', 'nested-labels'].includes(n)), SECOND_SHOP, scratchNode };

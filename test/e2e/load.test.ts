// The package loads in a REAL n8n (2.38.7, started once by the e2e global setup)
// the way a user's n8n loads an installed community package: from
// <user folder>/.n8n/nodes/node_modules/n8n-nodes-imoje, with what `npm pack` publishes.
import { e2eClient, e2eInfo, n8nLoadErrors, n8nLog, PACKAGE_NAME, type N8nClient, type NodeTypeDescription } from './harness';

// jest.config.js sets testTimeout on the e2e project, but Jest 30 applies it only at the root.
jest.setTimeout(180_000);

describe('n8n-nodes-imoje in a real n8n', () => {
	let client: N8nClient;
	let types: NodeTypeDescription[];

	beforeAll(async () => {
		client = await e2eClient();
		types = await client.nodeTypes();
	});

	const byName = (name: string) => types.find((t) => t.name === name);

	it('registers both nodes under the package-name prefix', () => {
		const ours = types.map((t) => t.name).filter((n) => /imoje/i.test(n));
		expect(ours).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.imoje`, `${PACKAGE_NAME}.imojeTrigger`]));
		// Every imoje type carries our package's prefix: none came in as CUSTOM.* or another package.
		expect(ours.every((n) => n.startsWith(`${PACKAGE_NAME}.`))).toBe(true);
		// n8n's own nodes are there too, so this is a full node list and not an empty stub.
		expect(byName('n8n-nodes-base.webhook')).toBeDefined();
	});

	it('describes the action node as n8n shows it in the editor', () => {
		const node = byName(`${PACKAGE_NAME}.imoje`);
		expect(node).toBeDefined();
		expect(node?.displayName).toMatch(/imoje/i);
		expect(node?.credentials).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'imojeApi', required: true })]));
		const resource = node?.properties?.find((p) => p.name === 'resource');
		expect(resource?.type).toBe('options');
		const resources = (resource?.options as Array<{ value: string }>).map((o) => o.value);
		expect(resources).toEqual(expect.arrayContaining(['transaction', 'paymentLink', 'refund']));
	});

	it('describes the trigger with a POST webhook', () => {
		const trigger = byName(`${PACKAGE_NAME}.imojeTrigger`);
		expect(trigger).toBeDefined();
		expect(trigger?.group).toContain('trigger');
		expect(trigger?.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST' })]);
		expect(trigger?.credentials).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'imojeApi' })]));
	});

	it('registers the imojeApi credential type with its fields and a test request', async () => {
		const creds = await client.credentialTypes();
		const imoje = creds.find((c) => c.name === 'imojeApi');
		expect(imoje).toBeDefined();
		expect(imoje?.properties.map((p) => p.name)).toEqual(
			expect.arrayContaining(['environment', 'baseUrl', 'merchantId', 'serviceId', 'authorizationToken', 'shopSecretKey']),
		);
		expect(imoje?.test).toBeDefined();
	});

	it('serves the node icons', async () => {
		for (const name of [`${PACKAGE_NAME}.imoje`, `${PACKAGE_NAME}.imojeTrigger`]) {
			const node = byName(name) as NodeTypeDescription & { iconUrl?: string | { light: string; dark: string } };
			const iconUrl = typeof node.iconUrl === 'string' ? node.iconUrl : node.iconUrl?.light;
			expect(iconUrl).toMatch(new RegExp(`^icons/${PACKAGE_NAME}/.+\\.svg$`));
			const res = await fetch(new URL(`/${iconUrl}`, e2eInfo().baseUrl), { headers: { cookie: client.cookie, 'browser-id': 'imoje-e2e-browser' } });
			expect(res.status).toBe(200);
			expect(await res.text()).toContain('<svg');
		}
	});

	it('logs no load error for the package', () => {
		expect(n8nLog()).toMatch(/Editor is now accessible via/);
		expect(n8nLoadErrors()).toEqual([]);
	});
});

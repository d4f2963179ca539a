// The imoje credential's "Test" button in a real n8n, against the imoje simulator:
// the same REST call the editor makes (POST /rest/credentials/test).
import { e2eClient, e2eInfo, n8nMajor, simCredentialData, type N8nClient } from './harness';

/** n8n 1.x's credential tester shows its own text for 401 and 404, not a credential's test rules. */
const shown = (ours: string, n8n1x: string) => (n8nMajor() < 2 ? n8n1x : ours);

// jest.config.js sets testTimeout on the e2e project, but Jest 30 applies it only at the root.
jest.setTimeout(180_000);

describe('imoje credential test in a real n8n', () => {
	let client: N8nClient;

	beforeAll(async () => {
		expect(e2eInfo().sim).not.toBeNull();
		client = await e2eClient();
	});

	it('succeeds with the simulator values before saving', async () => {
		const res = await client.testCredential({ type: 'imojeApi', data: simCredentialData() });
		expect(res.status).toBe('OK');
	});

	it('succeeds for a saved credential, with the secrets n8n stored encrypted', async () => {
		const saved = await client.createCredential({ name: 'imoje (simulator)', type: 'imojeApi', data: simCredentialData() });
		expect(saved.id).toMatch(/^\w+$/);
		const res = await client.testCredential({ id: saved.id });
		expect(res.status).toBe('OK');
	});

	it('fails with a clear message when the token is wrong', async () => {
		const res = await client.testCredential({ type: 'imojeApi', data: simCredentialData({ authorizationToken: 'not-the-token' }) });
		expect(res.status).toBe('Error');
		expect(res.message).toBe(
			shown('imoje did not accept the Authorization token. Copy it again from the imoje panel and check the environment (production or sandbox).', 'Authorization failed - please check your credentials'),
		);
	});

	it('fails when the shop id is not the merchant\'s', async () => {
		const res = await client.testCredential({
			type: 'imojeApi',
			data: simCredentialData({ serviceId: '00000000-0000-4000-8000-000000000000' }),
		});
		expect(res.status).toBe('Error');
		expect(res.message).toMatch(n8nMajor() < 2 ? /^The resource you are requesting could not be found/ : /^imoje does not know this Merchant ID or Shop ID/);
	});

	it('fails when nothing listens at the base URL', async () => {
		const res = await client.testCredential({
			type: 'imojeApi',
			data: simCredentialData({ baseUrl: 'http://127.0.0.1:9/v1/merchant' }),
		});
		expect(res.status).toBe('Error');
		expect(res.message).toMatch(/ECONNREFUSED|refused/i);
	});
});

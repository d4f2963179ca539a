// A Polish address and a formatted phone, typed as a user types them, reach the
// simulator through a real n8n and are accepted: the node fits them to imoje's
// documented patterns (street/city `^[A-Za-z0-9 ]+$`, phone `^[0-9\+\- ]+$`,
// seeds/01-payment-link-create.txt:66,163-175), and the simulator checks those
// patterns from its own schemas, not from the node's code.
import { e2eCli, PACKAGE_NAME, simCredentialData, simRequest } from './harness';

jest.setTimeout(180_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const address = { firstName: 'Jan', lastName: 'Kowalski', street: 'ul. Piotrkowska 12/3', city: 'Łódź', postalCode: '90-001', countryCodeAlpha2: 'PL' };

async function createLink(orderId: string, fitText: boolean) {
	const cli = e2eCli();
	const [credentialId] = await cli.importCredentials({ name: `imoje (${orderId})`, type: 'imojeApi', data: simCredentialData() });
	const workflowId = await cli.importWorkflow({
		name: `e2e: ${orderId}`,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				name: 'Link',
				type: `${PACKAGE_NAME}.imoje`,
				typeVersion: 1,
				position: [300, 0],
				parameters: {
					resource: 'paymentLink',
					operation: 'create',
					amount: '4999',
					currency: 'PLN',
					orderId,
					customerFirstName: 'Jan',
					customerLastName: 'Kowalski',
					customerEmail: 'jan@example.com',
					fitText,
					additionalFields: { customerPhone: '+48 (600) 700-800', billing: { address } },
				},
				credentials: { imojeApi: { id: credentialId, name: `imoje (${orderId})` } },
			},
		],
		connections: { Start: { main: [[{ node: 'Link', type: 'main', index: 0 }]] } },
	});
	return cli.executeWorkflow(workflowId, { allowFailure: !fitText });
}

describe('a Polish address through a real n8n to the simulator', () => {
	it('is fitted to imoje\'s rules and accepted', async () => {
		const run = await createLink('E2E-FIT-ON', true);
		expect(run.status).toBe('success');
		const [created] = (run.data.resultData.runData as Obj).Link[0].data.main[0].map((item: Obj) => item.json);
		const state = (await simRequest<Obj>('GET', '/_sim/state')).body;
		const stored = state.paymentLinks.find((link: Obj) => link.id === created.id);
		expect(stored).toMatchObject({ orderId: 'E2E-FIT-ON', amount: 4999 });
		expect(stored.billing).toMatchObject({ street: 'ul Piotrkowska 12 3', city: 'Lodz', postalCode: '90-001' });
		expect(stored.customer.phone).toBe('+48 600 700-800');
	});

	it('with fitting off, is refused before anything is sent, naming the field', async () => {
		const before = (await simRequest<Obj>('GET', '/_sim/state')).body.paymentLinks.length;
		const run = await createLink('E2E-FIT-OFF', false);
		expect(run.status).toBe('error');
		expect(JSON.stringify(run.data.resultData.error)).toMatch(/Phone|Street|City/);
		expect((await simRequest<Obj>('GET', '/_sim/state')).body.paymentLinks.length).toBe(before);
	});
});

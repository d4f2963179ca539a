// The flows users build, imported from examples/ as shipped and run in a real n8n
// against the simulator. The Slack step posts to a catcher workflow in the same n8n.
import {
	e2eCli,
	e2eClient,
	e2eInfo,
	loadExample,
	n8nMajor,
	postWebhook,
	simCredentialData,
	simPaymentLink,
	simRequest,
	waitFor,
	type N8nClient,
	type SimInfo,
	type Workflow,
} from './harness';

jest.setTimeout(180_000);

// JSON read back from n8n and the simulator: loosely typed on purpose, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

describe('example workflows in a real n8n', () => {
	let sim: SimInfo;
	let client: N8nClient;
	const publish = async (workflow: Workflow) => {
		const created = await client.createWorkflow(workflow);
		await client.activateWorkflow(created.id, created.versionId);
		return created;
	};
	const state = async () => (await simRequest<Obj>('GET', '/_sim/state')).body;
	/** The answer, or on failure what n8n recorded as the run's error, so a failure says why. */
	const outcome = async (workflowId: string, answer: { status: number; text: string }) => {
		if (answer.status === 200) return { status: 200, body: JSON.parse(answer.text) };
		const [run] = await client.waitForExecutions(workflowId, 1);
		const { error } = (await client.execution(run.id)).data.resultData;
		return { status: answer.status, error: `${error?.message} ${error?.description ?? ''}` };
	};

	beforeAll(async () => {
		sim = e2eInfo().sim!;
		client = await e2eClient();
		// The examples name the credential the demo creates; make the same one here.
		await e2eCli().importCredentials({ id: 'ImojeSimulator01', name: 'imoje (simulator)', type: 'imojeApi', data: simCredentialData() });
	});

	it('CRM deal won: the webhook answers with a payment link that imoje holds', async () => {
		const workflow = await publish(loadExample('crm-deal-won-payment-link.json'));
		const deal = { dealId: 'D-9001', value: 1234.5, currency: 'PLN', contact: { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' } };
		const answer = await outcome(workflow.id, await postWebhook('crm-deal-won', JSON.stringify(deal)));
		expect(answer).toEqual({ status: 200, body: expect.any(Object) });
		const out = answer.body;
		const link = (await state()).paymentLinks.find((l: Obj) => l.id === out.paymentId);
		expect(link).toMatchObject({ orderId: 'DEAL-D-9001', amount: 123450, currency: 'PLN', customer: { email: 'anna@example.com' } });
		expect(out).toEqual({ paymentId: link.id, paymentUrl: link.url, orderId: 'DEAL-D-9001' });
	});

	it('order returned: imoje is asked, then the refund is made', async () => {
		const paid = await simRequest<Obj>(
			'POST',
			`/v1/merchant/${sim.merchantId}/transaction`,
			{
				type: 'sale', serviceId: sim.serviceId, amount: 8000, currency: 'PLN', orderId: 'SHOP-77', title: 'TEST-100000',
				paymentMethod: 'blik', paymentMethodCode: 'blik', successReturnUrl: 'https://s.example.com/ok', failureReturnUrl: 'https://s.example.com/no',
				customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
			},
			{ auth: true },
		);
		const transactionId = paid.body.transaction.id;
		const workflow = await publish(loadExample('order-returned-refund.json'));

		const answer = await outcome(workflow.id, await postWebhook('order-returned', JSON.stringify({ transactionId, amount: 3000, orderId: 'SHOP-77' })));
		expect(answer).toEqual({ status: 200, body: expect.any(Object) });
		const refund = answer.body;
		expect(refund).toMatchObject({ type: 'refund', amount: 3000 });
		expect((await state()).transactions.find((t: Obj) => t.id === refund.id)).toMatchObject({ _parentId: transactionId, amount: 3000, title: 'Return of order SHOP-77' });

		// The note says "run it twice": within imoje's 5 s between two refunds of one
		// transaction imoje refuses, and the example answers that itself (not n8n's 500).
		const again = await outcome(workflow.id, await postWebhook('order-returned', JSON.stringify({ transactionId, amount: 3000, orderId: 'SHOP-77' })));
		expect(again).toEqual({ status: 200, body: { refunded: false, reason: expect.stringMatching(/^imoje refused the refund of 3000 .*5 s between two refunds \(TRX-ERROR-120403\)/) } });
		expect((await state()).transactions.filter((t: Obj) => t._parentId === transactionId)).toHaveLength(1);
	});

	it('payment settled: the alert reaches "Slack" with the order and amount', async () => {
		const catcher = await publish({
			name: 'e2e: Slack catcher',
			nodes: [{ name: 'Slack', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'e2e-slack-catcher', parameters: { httpMethod: 'POST', path: 'slack-catcher', options: {} } }],
		});
		const alert = loadExample('payment-status-alert.json');
		const post = alert.nodes.find((node) => node.name === 'Post to Slack')!;
		post.parameters.url = `${e2eInfo().baseUrl}/webhook/slack-catcher`;
		await publish(alert);
		const webhookId = alert.nodes.find((node) => node.name === 'imoje Trigger')!.webhookId!;

		const paymentId = await simPaymentLink({ orderId: 'ALERT-1', amount: 4999, triggerWebhookId: webhookId });
		await simRequest('POST', `/_sim/payments/${paymentId}/settle`);

		const [caught] = await client.waitForExecutions(catcher.id, 1);
		const detail = await client.execution(caught.id);
		const received = detail.data.resultData.runData.Slack[0].data?.main[0]?.[0]?.json as Obj;
		expect(received.body).toEqual({ text: ':white_check_mark: Paid: order ALERT-1, 49.99 PLN' });
	});

	it('deal won, wait until paid: a refused payment resumes the execution on "Send reminder"', async () => {
		const workflow = await publish(loadExample('payment-link-wait.json'));
		const deal = { dealId: 'D-9002', value: 12.5, currency: 'PLN', contact: { firstName: 'Ewa', lastName: 'Lis', email: 'ewa@example.com' } };
		const answer = await outcome(workflow.id, await postWebhook('crm-deal-won-wait', JSON.stringify(deal)));
		expect(answer).toEqual({ status: 200, body: { paymentId: expect.any(String), paymentUrl: expect.any(String), orderId: 'DEAL-D-9002', executionId: expect.any(String) } });
		const { paymentId, executionId } = answer.body;
		const link = (await state()).paymentLinks.find((l: Obj) => l.id === paymentId);
		// Notify Wait for Payment Step: this link's notifications go to this execution's waiting step.
		// n8n 1.x's resume address carries no token.
		expect(link.notificationUrl).toMatch(new RegExp(`/webhook-waiting/${executionId}/imoje${n8nMajor() < 2 ? '$' : '\\?signature='}`));
		await waitFor(async () => (await client.execution(executionId)).status === 'waiting' || undefined, 30_000, 'the execution waiting');

		await simRequest('POST', `/_sim/payments/${paymentId}/pay`, { status: 'rejected' });
		const done = await waitFor(async () => {
			const ex = await client.execution(executionId);
			return ex.status === 'waiting' || ex.status === 'running' ? undefined : ex;
		}, 30_000, 'the execution resumed');
		expect(done.status).toBe('success');
		const { runData } = done.data.resultData;
		const first = (node: string) => runData[node]?.[runData[node].length - 1]?.data?.main[0]?.[0]?.json as Obj | undefined;
		expect(first('Wait for payment')).toMatchObject({ paid: false, ended: 'notification', status: 'rejected', paymentId, orderId: 'DEAL-D-9002', amount: 1250 });
		expect(runData['Mark deal paid']).toBeUndefined();
		expect(first('Send reminder')).toEqual({
			to: 'ewa@example.com',
			subject: 'Deal D-9002 is not paid yet',
			text: 'Your payment did not go through (rejected). We will send you a new link.',
			why: 'notification: rejected',
		});
	});
});

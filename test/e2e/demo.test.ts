// `npm run demo` works: run in --smoke mode it starts its own n8n and simulator,
// imports the examples, creates a payment link through the CRM example, settles
// it in the simulator and sees the imoje Trigger example run, runs the refund
// example's printed sample, runs the wait-until-paid example to a paid and to an
// expired link, then stops.
import { runDemoSmoke } from './harness';

// jest.config.js sets testTimeout on the e2e project, but Jest 30 applies it only at the root.
jest.setTimeout(180_000);

describe('npm run demo', () => {
	it('runs the example payment flow end to end and stops cleanly', async () => {
		const { code, output } = await runDemoSmoke();
		expect(output).toMatch(/imoje demo ready in \d+ s/);
		expect(output).toMatch(/e-mail\s+\S+@\S+/);
		expect(output).toMatch(/password\s+\S+/);
		expect(output).toMatch(/POST \/webhook\/crm-deal-won -> 200 .*"paymentId":"[0-9a-f-]{36}"/);
		// The refund example's printed sample names a paid simulator transaction, and runs.
		expect(output).toMatch(/webhook\/order-returned .*\n\s+-d '\{"transactionId":"[0-9a-f-]{36}","amount":3000/);
		expect(output).toMatch(/POST \/webhook\/order-returned -> 200 .*"type":"refund"/);
		// "Run it twice": the same request at once gets the example's own answer, not n8n's 500.
		const again = /POST \/webhook\/order-returned again \((\d+\.\d) s after the first answer\) -> (\d+) (.*)/.exec(output);
		expect(again).not.toBeNull();
		expect(Number(again![1])).toBeLessThan(1);
		expect(again![2]).toBe('200');
		expect(JSON.parse(again![3])).toEqual({ refunded: false, reason: expect.stringContaining('TRX-ERROR-120403') });
		// The wait-until-paid example: its answer names the link and the execution, which then
		// waits; a pending notification is answered 200 and it keeps waiting; settled resumes it
		// on "Mark deal paid", an expired link on "Send reminder".
		expect(output).toMatch(/webhook\/crm-deal-won-wait -H 'content-type: application\/json' \\\n\s+-d '\{"dealId":"D-1002"/);
		expect(output).toMatch(/curl -s -X POST \S+\/_sim\/payments\/<paymentId>\/settle +# paid: "Mark deal paid" runs/);
		expect(output).toMatch(/POST \/webhook\/crm-deal-won-wait \(deal D-1002\) -> 200 \{"paymentId":"[0-9a-f-]{36}","paymentUrl":"http[^"]+","orderId":"DEAL-D-1002","executionId":"\d+"\}/);
		expect(output).toMatch(/execution \d+ is waiting in "Wait for payment"/);
		expect(output).toMatch(/pending notification -> 200 \{"status":"ok"\}; execution \d+ is waiting/);
		const resumed = [...output.matchAll(/resumed: execution \d+ (\w+); "Wait for payment" output: (.*)/g)].map((m) => ({ status: m[1], item: JSON.parse(m[2]) }));
		expect(resumed).toEqual([
			{ status: 'success', item: expect.objectContaining({ paid: true, ended: 'notification', status: 'settled', orderId: 'DEAL-D-1002', amount: 9950, currency: 'PLN' }) },
			{ status: 'success', item: expect.objectContaining({ paid: false, ended: 'notification', status: 'cancelled', orderId: 'DEAL-D-1003' }) },
		]);
		expect(output).toMatch(/✓ wait example: settled -> paid:true, "Mark deal paid" ran/);
		expect(output).toMatch(/✓ wait example: cancelled -> paid:false, "Send reminder" ran/);
		expect(output).not.toMatch(/✗/);
		expect(output).toMatch(/✓ "[^"]+" ran \(execution \d+, success\)/);
		expect(output).toMatch(/trigger output: \{.*"status":"settled"/);
		// Words as n8n 2.38's editor shows them: a trigger's panel has "Execute step", then
		// "Listening for test event"; workflows are published, not activated.
		expect(output).toMatch(/click Execute step \(the panel shows\n"Listening for test event"\)/);
		expect(output).not.toMatch(/Listen for test event|[Aa]ctivat/);
		// Where the simulator sends test events (kept in the user folder for the next run).
		expect(output).toMatch(/test events \(copies of each notification\): each trigger's own Test URL/);
		expect(output).toMatch(/stopped n8n and the simulator/);
		expect(code).toBe(0);
	});
});

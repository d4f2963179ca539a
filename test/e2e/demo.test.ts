// `npm run demo` works: run in --smoke mode it starts its own n8n and simulator,
// imports the examples, creates a payment link through the CRM example, settles
// it in the simulator and sees the imoje Trigger example run, runs the refund
// example's printed sample, then stops.
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

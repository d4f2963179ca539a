// The Wait for Payment load figures (scripts/load/waits.js, waitReport.js): the notification it
// sends must be one the node accepts (signed like imoje, about the link waited for), and a
// resume that never happened, happened twice or was answered 5xx must show in the figures.
import { verifyImojeSignature } from '../../nodes/ImojeTrigger/signature';
import { linkNotification, testShop } from '../../scripts/load/notifications';
import { waitChecks, waitFigures, type WaitFinal, type WaitSend } from '../../scripts/load/waitReport';
import { withSuffix } from '../../scripts/load/waits';

describe('the settled notification of a link', () => {
	const shop = testShop();
	const link = { id: '5d9c0f5e-8a2b-4c1d-9e3f-0a1b2c3d4e5f', orderId: 'LOAD-abcd1234-w-3', amount: 2500, currency: 'PLN' };

	it('is signed with the shop key the way imoje signs, and a forged copy is not', () => {
		const n = linkNotification(shop, link);
		const header = n.headers['x-imoje-signature'];
		expect(verifyImojeSignature({ rawBody: n.raw, header, shopKey: shop.shopKey, serviceId: shop.serviceId })).toMatchObject({ valid: true });
		expect(verifyImojeSignature({ rawBody: n.raw.replace('settled', 'rejected'), header, shopKey: shop.shopKey })).toEqual({ valid: false, reason: 'bad-signature' });
	});

	it('names the link waited for, with the status asked for, in payment and transaction', () => {
		const n = linkNotification(shop, link, 'rejected');
		const body = JSON.parse(n.raw);
		expect(n.ref).toBe(link.orderId);
		expect(body.payment).toMatchObject({ id: link.id, status: 'rejected', orderId: link.orderId, amount: 2500, currency: 'PLN', serviceId: shop.serviceId });
		expect(body.transaction).toMatchObject({ type: 'sale', status: 'rejected', orderId: link.orderId, serviceId: shop.serviceId });
		expect(body.transaction.id).not.toBe(link.id);
	});
});

describe('the resume address', () => {
	it('puts the step path before the query of $execution.resumeUrl, and keeps the token', () => {
		expect(withSuffix('https://n8n.example.test/webhook-waiting/42?signature=abc123')).toBe('/webhook-waiting/42/imoje?signature=abc123');
		expect(withSuffix('http://127.0.0.1:5678/webhook-waiting/7/?signature=x', 'imoje')).toBe('/webhook-waiting/7/imoje?signature=x');
	});
});

describe('wait figures', () => {
	const ok = { status: 200, body: '{"status":"ok"}' };
	const finished = { status: 409, body: '{"code":409,"message":"The execution \\"1 has finished already."}' };
	const send = (n: string, first = ok, atOnce = finished, later = finished): WaitSend => ({ ref: `r${n}`, executionId: n, answers: { first, atOnce, later } });
	const paid = (afterRuns = 1): WaitFinal => ({ status: 'success', afterRuns, out: { paid: true, ended: 'notification' } });
	const waiting = ['1', '2', '3', '4', '5'].map((id) => ({ ref: `r${id}`, executionId: id }));

	it('all resumed once, repeats answered 409: every check passes, the 409s are counted', () => {
		const sends = waiting.map((w) => send(w.executionId));
		const f = waitFigures({ expected: 5, waiting, sends, final: Object.fromEntries(waiting.map((w) => [w.executionId, paid()])) });
		expect(f).toMatchObject({ waitingBefore: 5, with200: 5, resumed: 5, exactlyOnce: 5, lost: 0, status5xx: 0, status409: 10, unexpected: 0, calls: 15 });
		expect(waitChecks(f).every((c) => c.pass)).toBe(true);
	});

	it('counts a 200 whose execution still waits as lost, one resumed twice, a 5xx and a missing answer', () => {
		const crashed = { status: 500, body: '{"code":0,"message":"There was a problem executing the workflow","stacktrace":"Error: …"}' };
		const sends = [send('1'), send('2', ok, crashed), send('3'), send('4', { status: 0, error: 'ECONNRESET' } as never, finished, finished), send('5', ok, ok)];
		const final: Record<string, WaitFinal> = { '1': paid(), '2': paid(), '3': { status: 'waiting', afterRuns: 0 }, '4': paid(), '5': paid(2) };
		const f = waitFigures({ expected: 5, waiting, sends, final });
		expect(f).toMatchObject({ with200: 4, twice200: 1, resumed: 4, exactlyOnce: 3, moreThanOnce: 1, lost: 1, stillWaiting: 1, status5xx: 1, noAnswer: 1, unexpected: 2 });
		expect(f.answered.atOnce).toEqual({ '200': 1, '409': 3, '500': 1 });
		expect(f.bodies['500']).toEqual({ '{"code":N,"message":"There was a problem executing the workflow"}': 1 });
		expect(f.bodies['409']).toEqual({ '{"code":N,"message":"The execution \\"N has finished already."}': 8 });
		expect(f.bodies['no answer']).toEqual({ ECONNRESET: 1 });
		const failed = waitChecks(f).filter((c) => !c.pass).map((c) => c.what);
		expect(failed).toEqual([
			expect.stringMatching(/^every payment's notification got a 200 \(4 of 5\)/),
			expect.stringMatching(/^every execution resumed paid/),
			expect.stringMatching(/^each exactly once/),
			expect.stringMatching(/^0 lost \(1\)/),
			expect.stringMatching(/^0 5xx other than n8n refusing a second resume \(1\)/),
			expect.stringMatching(/^every call answered 200 or 409, or 500 for a second resume \(others: 2\)/),
		]);
	});

	it("tells a 500 that n8n logged as refusing a second resume (a warning) from any other 5xx (a failure)", () => {
		const refused = { status: 500, body: '{"code":0,"message":"There was a problem executing the workflow"}' };
		const sends = [send('1', ok, refused), send('2', refused, ok), send('3', ok, refused), send('4'), send('5')];
		const final: Record<string, WaitFinal> = Object.fromEntries(waiting.map((w) => [w.executionId, paid()]));
		// n8n logged a refusal for executions 1 and 2 only: the 500 of execution 3 is unexplained.
		const f = waitFigures({ expected: 5, waiting, sends, final, refusals: { '1': 1, '2': 1 } });
		expect(f).toMatchObject({ status5xx: 3, refused5xx: 2, unexpected: 3 });
		const checks = waitChecks(f);
		expect(checks.filter((c) => !c.pass && !c.soft).map((c) => c.what)).toEqual([
			'0 5xx other than n8n refusing a second resume (1)',
			'every call answered 200 or 409, or 500 for a second resume (others: 1)',
		]);
		expect(checks.filter((c) => c.soft)).toEqual([expect.objectContaining({ pass: false, what: expect.stringMatching(/^2 calls answered 500 by n8n as a second resume/) })]);
		const allRefused = waitFigures({ expected: 5, waiting, sends, final, refusals: { '1': 1, '2': 1, '3': 1 } });
		expect(waitChecks(allRefused).filter((c) => !c.pass && !c.soft)).toEqual([]);
	});

	it('does not count a run that went on unpaid, or by its time limit, as resumed by the notification', () => {
		const sends = [send('1'), send('2')];
		const final: Record<string, WaitFinal> = { '1': { status: 'success', afterRuns: 1, out: { paid: false, ended: 'notification' } }, '2': { status: 'success', afterRuns: 1, out: { paid: false, ended: 'timeLimit' } } };
		const f = waitFigures({ expected: 2, waiting: waiting.slice(0, 2), sends, final });
		expect(f).toMatchObject({ resumed: 0, exactlyOnce: 0, lost: 2 });
	});

	it('fails the waiting check when fewer executions waited than were started', () => {
		const f = waitFigures({ expected: 5, waiting: waiting.slice(0, 4), sends: [], final: {} });
		expect(waitChecks(f, 'queue: ')[0]).toEqual({ what: 'queue: every execution was waiting before the notifications (4 of 5)', pass: false });
	});
});

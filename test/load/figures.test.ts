// The load scripts (scripts/load) sign on their own and count from n8n's database; a wrong
// signature would make every figure a refusal, a wrong count would hide a lost payment.
import { verifyImojeSignature } from '../../nodes/ImojeTrigger/signature';
import { signedNotification, testShop, refPattern, runTag } from '../../scripts/load/notifications';
import { phaseFigures, type SentRecord, type StoredExecution } from '../../scripts/load/report';

describe('load-test notifications', () => {
	const shop = testShop();

	it('are signed the way the trigger verifies, and a forged key is refused', () => {
		const n = signedNotification(shop, 'LOAD-abcd1234-t-7');
		const header = n.headers['x-imoje-signature'];
		expect(header).toMatch(new RegExp(`^merchantid=${shop.merchantId};serviceid=${shop.serviceId};signature=[0-9a-f]{64};alg=sha256$`));
		expect(verifyImojeSignature({ rawBody: n.raw, header, shopKey: shop.shopKey, serviceId: shop.serviceId })).toMatchObject({ valid: true });
		const forged = signedNotification(shop, 'LOAD-abcd1234-t-8', { forgedKey: 'not-the-key' });
		expect(verifyImojeSignature({ rawBody: forged.raw, header: forged.headers['x-imoje-signature'], shopKey: shop.shopKey })).toEqual({ valid: false, reason: 'bad-signature' });
	});

	it('are distinct and carry their id where the database reader finds it', () => {
		const tag = runTag();
		const [a, b] = [signedNotification(shop, `${tag}-w-1`), signedNotification(shop, `${tag}-w-2`)];
		const [ta, tb] = [JSON.parse(a.raw).transaction, JSON.parse(b.raw).transaction];
		expect(ta.id).not.toBe(tb.id);
		expect(ta.orderId).toBe(`${tag}-w-1`);
		expect(a.raw.match(new RegExp(refPattern(tag), 'g'))).toEqual(expect.arrayContaining([`${tag}-w-1`]));
		expect(b.raw).not.toContain(`${tag}-w-1`);
	});
});

describe('phase figures', () => {
	const run = (id: number, status = 'success', stoppedAt = 11_000): StoredExecution => ({ id, status, startedAt: 10_500, stoppedAt });
	const records: SentRecord[] = [
		{ ref: 'r1', status: 200, ok: true },
		{ ref: 'r2', status: 200, ok: true },
		{ ref: 'r3', status: 200, ok: false },
		{ ref: 'r4', status: 503, ok: false },
		{ ref: 'r5', status: 0, ok: false, error: 'ECONNRESET' },
	];
	const wf = {
		total: 6,
		byStatus: { success: 5, crashed: 1 },
		noRef: 1,
		refs: { r1: [run(1)], r2: [run(2), run(3, 'success', 14_000)], r5: [run(4, 'crashed', 0)], other: [run(9)] },
	};
	const f = phaseFigures({ records, wf, startedAt: 10_000, endedAt: 12_000 });

	it('counts a 200 without an execution as lost, and one that ran twice as a duplicate', () => {
		expect(f).toMatchObject({ sent: 5, status200: 3, okBody: 2, lost: 1, duplicates: 1, extraExecutions: 1, status5xx: 1 });
		expect(f.answered).toEqual({ '200': 3, '503': 1, 'no answer': 1 });
	});

	it("counts only this phase's notifications: stored, crashed, unanswered but stored", () => {
		expect(f).toMatchObject({ stored: 4, storedByStatus: { success: 3, crashed: 1 }, withExecution: 3, answered200Stored: 2, unansweredStored: 1, storedWithoutRef: 1 });
	});

	it('rates successful executions from the first send to the last one to end', () => {
		expect(f.success).toBe(3);
		expect(f.seconds).toBe(4);
		expect(f.perSecond).toBe(0.75);
	});
});

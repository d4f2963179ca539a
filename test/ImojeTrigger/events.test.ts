import { isImojeSender, isWanted, readNotification } from '../../dist/nodes/ImojeTrigger/events';

describe('isImojeSender', () => {
	test.each([
		['5.196.116.32', true], ['5.196.116.47', true], ['5.196.116.48', false], ['51.195.95.15', true], ['54.37.185.64', true],
		['54.37.185.95', true], ['54.37.185.96', false], ['147.135.151.20', true], ['::ffff:147.135.151.31', true],
		['127.0.0.1', false], ['::1', false], ['', false], [undefined, false], ['5.196.116.32.1', false],
	])('%s -> %s', (address, expected) => {
		expect(isImojeSender(address)).toBe(expected);
	});
});

describe('readNotification', () => {
	test('a body with no transaction, payment or paymentProfile is not a notification', () => {
		expect(readNotification({})).toBeUndefined();
		expect(readNotification([])).toBeUndefined();
		expect(readNotification('x')).toBeUndefined();
		expect(readNotification({ transaction: 'x' })).toBeUndefined();
	});

	test('the payment inside a transaction counts when there is none beside it', () => {
		expect(readNotification({ transaction: { id: 't', status: 'new', payment: { id: 'p' } } })).toMatchObject({ json: { paymentId: 'p', transactionId: 't' } });
	});

	test('the notification key changes with status and change time, not with other fields', () => {
		const key = (transaction: object) => readNotification({ transaction })!.notificationKey;
		const base = { id: 't', status: 'pending', modified: 1 };
		expect(key(base)).toBe('t|||pending|1');
		expect(key(base)).toBe(key({ ...base, title: 'other' }));
		expect(key(base)).not.toBe(key({ ...base, status: 'settled' }));
		expect(key(base)).not.toBe(key({ ...base, modified: 2 }));
	});

	test('a profile notified alone is keyed by its activity, so deactivation is a new notification', () => {
		const key = (isActive: number) => readNotification({ paymentProfile: { id: 'pp', isActive, modified: 5 } })!.notificationKey;
		expect(key(1)).not.toBe(key(0));
	});

	test('decline reason, profile id and payer id are lifted to the top', () => {
		const read = readNotification({
			transaction: { id: 't', status: 'rejected', statusCode: 'CODE_51', statusCodeDescription: 'Insufficient funds', paymentProfile: { id: 'pp', merchantCustomerId: 'payer-9' } },
		})!;
		expect(read.json).toMatchObject({ statusCode: 'CODE_51', statusCodeDescription: 'Insufficient funds', paymentProfileId: 'pp', cid: 'payer-9', hasPaymentProfile: true });
	});

	test("the customer's cid wins over the profile's merchantCustomerId", () => {
		const read = readNotification({ transaction: { id: 't', customer: { cid: 'c-1' }, paymentProfile: { id: 'pp', merchantCustomerId: 'm-1' } } })!;
		expect(read.json.cid).toBe('c-1');
	});
});

describe('isWanted', () => {
	const none = { events: [], statuses: [], paymentMethods: [], onlySavedCardPayments: false };
	const payment = readNotification({ transaction: { id: 't', type: 'sale', status: 'settled', paymentMethod: 'card' } })!;
	const savedCard = readNotification({ transaction: { id: 't', type: 'sale', status: 'settled', paymentMethod: 'card', paymentProfile: { id: 'pp' } } })!;
	const refund = readNotification({ transaction: { id: 'r', type: 'refund', status: 'settled', paymentMethod: 'card' } })!;
	const link = readNotification({ payment: { id: 'p', status: 'cancelled' } })!;
	const profile = readNotification({ paymentProfile: { id: 'pp', isActive: 0 } })!;

	test('no filters: everything', () => {
		expect([payment, savedCard, refund, link, profile].map((n) => isWanted(n, none))).toEqual([true, true, true, true, true]);
	});

	test('a status filter with Events empty selects payments only: a settled refund does not pass "Settled"', () => {
		const settledOnly = { ...none, statuses: ['settled'] };
		expect([payment, savedCard, refund, link].map((n) => isWanted(n, settledOnly))).toEqual([true, true, false, false]);
	});

	test('a payment method filter with Events empty selects payments only', () => {
		expect(isWanted(refund, { ...none, paymentMethods: ['card'] })).toBe(false);
		expect(isWanted(payment, { ...none, paymentMethods: ['card'] })).toBe(true);
	});

	test('Refund selected with Settled: settled refunds, not payments', () => {
		const filters = { ...none, events: ['refund'], statuses: ['settled'] };
		expect([payment, refund].map((n) => isWanted(n, filters))).toEqual([false, true]);
	});

	test('"Payment Status Changed" includes saved-card payments; "Only Saved-Card Payments" keeps only them', () => {
		expect(isWanted(savedCard, { ...none, events: ['paymentStatus'] })).toBe(true);
		expect([payment, savedCard, refund].map((n) => isWanted(n, { ...none, onlySavedCardPayments: true }))).toEqual([false, true, false]);
		const withRefunds = { ...none, events: ['paymentStatus', 'refund'], onlySavedCardPayments: true };
		expect([payment, savedCard, refund].map((n) => isWanted(n, withRefunds))).toEqual([false, true, true]);
	});

	test('a top-level paymentProfile is its own event, also beside a transaction', () => {
		const both = readNotification({ transaction: { id: 't', status: 'settled' }, paymentProfile: { id: 'pp' } })!;
		expect(both.events).toEqual(['paymentStatus', 'paymentProfile']);
		expect(isWanted(both, { ...none, events: ['paymentProfile'] })).toBe(true);
		expect(isWanted(profile, { ...none, events: ['paymentStatus'] })).toBe(false);
	});
});

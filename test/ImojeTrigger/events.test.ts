import { isImojeSender, readNotification } from '../../dist/nodes/ImojeTrigger/events';
import { SEEN_LIMIT, seenBefore } from '../../dist/nodes/ImojeTrigger/seen';

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
	test('neither a transaction nor a payment is not a notification', () => {
		expect(readNotification({})).toBeUndefined();
		expect(readNotification([])).toBeUndefined();
		expect(readNotification('x')).toBeUndefined();
		expect(readNotification({ transaction: 'x' })).toBeUndefined();
	});

	test('the payment inside a transaction counts when there is none beside it', () => {
		expect(readNotification({ transaction: { id: 't', status: 'new', payment: { id: 'p' } } })).toMatchObject({ json: { paymentId: 'p', transactionId: 't' } });
	});

	test('the dedupe key changes with status and change time, not with other fields', () => {
		const key = (transaction: object) => readNotification({ transaction })!.dedupeKey;
		const base = { id: 't', status: 'pending', modified: 1 };
		expect(key(base)).toBe(key({ ...base, title: 'other' }));
		expect(key(base)).not.toBe(key({ ...base, status: 'settled' }));
		expect(key(base)).not.toBe(key({ ...base, modified: 2 }));
	});
});

describe('seenBefore', () => {
	test('remembers keys and forgets the oldest past the limit', () => {
		const data = {};
		expect([seenBefore(data, 'a', 2), seenBefore(data, 'b', 2), seenBefore(data, 'a', 2)]).toEqual([false, false, true]);
		expect(seenBefore(data, 'c', 2)).toBe(false);
		expect(data).toEqual({ seenNotifications: ['b', 'c'] });
		expect(seenBefore(data, 'a', 2)).toBe(false);
	});

	test('the default limit keeps the list bounded', () => {
		const data: { seenNotifications?: string[] } = {};
		for (let i = 0; i < SEEN_LIMIT + 50; i++) seenBefore(data, `k${i}`);
		expect(data.seenNotifications).toHaveLength(SEEN_LIMIT);
		expect(data.seenNotifications![0]).toBe('k50');
	});
});

/**
 * Bad input is refused before any request, with an error that names the field and
 * the rule. Rules are checked one by one on the pure function, then through the
 * engine to prove nothing reaches imoje.
 */
import type { IDataObject } from 'n8n-workflow';

import { rules } from '../../dist/nodes/Imoje/fields/rules';
import nock from 'nock';

import { TEST_CREDENTIALS, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink, transaction } from './parameters';

const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
const inAMinute = () => Math.floor(Date.now() / 1000);

describe('rules', () => {
	test.each([
		['uuid', rules.uuid, [LINK, LINK.toUpperCase()], ['', 'abc', `${LINK}x`, 42]],
		['positiveInteger', rules.positiveInteger, [1, 10000], [0, -5, 12.5, '100', NaN]],
		['nonNegativeInteger', rules.nonNegativeInteger, [0, 7], [-1, 0.5, '0']],
		['email', rules.email, ['jan@example.com', 'a.b+c@sub.example.pl'], ['jan', 'jan@', 'jan@example', 'ja n@example.com']],
		['url', rules.url, ['https://shop.example.com/ok', 'http://x.pl/a?b=1'], ['shop.example.com', 'ftp://x.pl', `https://x.pl/${'a'.repeat(300)}`]],
		['publicUrl', rules.publicUrl, ['https://n8n.example.com/webhook/imoje'], ['https://localhost/webhook', 'http://n8n.example.com:5678/webhook', 'https://n8n.example.com:443/x']],
		['sixDigits', rules.sixDigits, ['777123'], ['77712', '7771234', '77a123']],
		['bankAccount', rules.bankAccount, ['61109010140000071219812874'], ['6110901014000007121981287', 'PL61109010140000071219812874', '61 1090 1014 0000 0712 1981 2874']],
		['ip', rules.ip, ['203.0.113.7', '198.51.100.0/24', '2001:db8::1'], ['300.1.1.1', 'example.com', '1.2.3']],
	])('%s', (_name, rule, good: unknown[], bad: unknown[]) => {
		for (const value of good) expect([value, rule(value as never)]).toEqual([value, undefined]);
		for (const value of bad) expect([value, typeof rule(value as never)]).toEqual([value, 'string']);
	});

	test('expiry: null, or whole seconds at least 60 s ahead', () => {
		expect(rules.expiry(null)).toBeUndefined();
		expect(rules.expiry(inAMinute() + 120)).toBeUndefined();
		expect(rules.expiry(inAMinute() + 30)).toMatch(/60 seconds/);
		expect(rules.expiry(NaN)).toMatch(/date/);
	});
});

const linkParameters = paymentLink;
const transactionParameters = transaction;
const payout = (ban: string) => ({ payouts: [{ ban, amount: 1000, label: 'Partner' }] });

describe('through the engine, nothing is sent', () => {
	beforeEach(resetImoje);

	test.each<[string, IDataObject, RegExp]>([
		['non-UUID path ID', { resource: 'transaction', operation: 'get', transactionId: '12345' }, /Invalid "Transaction ID": must be an imoje ID/],
		['non-UUID body ID', { resource: 'paymentProfile', operation: 'debit', paymentProfileId: 'card-1', amount: 1, currency: 'PLN', orderId: 'A' }, /Invalid "Payment Profile ID"/],
		['unknown currency', linkParameters({ currency: 'XYZ' }), /Invalid "Currency": must be one of PLN/],
		['fractional amount', linkParameters({ amount: 12.5 }), /Invalid "Amount": must be a whole number of the smallest currency unit/],
		['zero amount', linkParameters({ amount: 0 }), /Invalid "Amount"/],
		['orderId too long', linkParameters({ orderId: 'A'.repeat(101) }), /Invalid "Order ID": must be at most 100 characters \(it has 101\)/],
		['orderId with a forbidden character', linkParameters({ orderId: 'ORDER;1' }), /Invalid "Order ID": may only contain/],
		['title too long (Fit Text off)', linkParameters({ fitText: false }, { title: 'T'.repeat(256) }), /Invalid "Title": must be at most 255/],
		['title with a forbidden character (Fit Text off)', linkParameters({ fitText: false }, { title: 'Order <b>' }), /Invalid "Title": may only contain/],
		['invalid e-mail', linkParameters({ customerEmail: 'jan.example.com' }), /Invalid "Customer Email": must be an e-mail/],
		['BLIK code of 5 digits', transactionParameters({ blikCode: '77712', clientIp: '203.0.113.7' }), /Invalid "BLIK Code": must be exactly 6 digits/],
		['BLIK code without the payer IP', transactionParameters({ blikCode: '777123' }), /Invalid "Client IP": is required when a BLIK code is sent/],
		['bank account not 26 digits', linkParameters({}, { multipayout: payout('1234') }), /Invalid "Multipayout Bank Account \(item 1\)"/],
		['multipayout in EUR', linkParameters({ currency: 'EUR' }, { multipayout: payout('61109010140000071219812874') }), /Invalid "Currency": must be PLN when Multipayout/],
		['a debit\'s multipayout (data.multipayout) in EUR', { resource: 'paymentProfile', operation: 'debit', paymentProfileId: LINK, amount: 100, currency: 'EUR', orderId: 'A', additionalFields: { multipayout: payout('61109010140000071219812874') } }, /Invalid "Currency": must be PLN when Multipayout is used \(it is EUR\)/],
		['an unknown currency and a bad payout account: the first named, the other in the description', linkParameters({ currency: 'XYZ' }, { multipayout: { payouts: [{ ban: '61109010140000071219812874', amount: 1, label: 'A' }, { ban: '123', amount: 1, label: 'B' }] } }), /Invalid "Currency": must be one of PLN/],
		['validTo 30 s ahead', linkParameters({}, { validTo: String(inAMinute() + 30) }), /Invalid "Valid Until": must be at least 60 seconds/],
		['Valid Until together with Never Expires', linkParameters({}, { validTo: String(inAMinute() + 3600), neverExpires: true }), /Invalid "Never Expires": cannot be combined/],
		['extra body that is not an object', linkParameters({}, { extraBody: '[1,2]' }), /Invalid "Extra Body Fields \(JSON\)"/],
	])('%s', async (_name, parameters, message) => {
		const captured = imojeAnswers(200, {});
		const result = await runImoje({ parameters });
		expect(captured).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
		expect(result.items).toEqual([]);
	});
});

describe('the notification address: imoje calls public addresses only, a simulator anything', () => {
	const production = { ...TEST_CREDENTIALS, environment: 'production' };
	beforeEach(resetImoje);

	test.each<[string, IDataObject, RegExp]>([
		['localhost', { notificationUrl: 'https://localhost/webhook/x' }, /^Invalid "Notification URL": imoje rejects addresses with localhost/],
		['a port', { notificationUrl: 'http://n8n.example.com:5678/webhook/x' }, /^Invalid "Notification URL": imoje rejects addresses with a port/],
		['this execution\'s wait step on a local n8n', { notifyWaitStep: true }, /^Invalid "Notify Wait for Payment Step": imoje cannot call this n8n at http:\/\/localhost:5678: .*WEBHOOK_URL/],
	])('for imoje\'s own hosts, %s is refused before sending', async (_name, additionalFields, message) => {
		const production = nock('https://api.imoje.pl').persist().post(/.*/).reply(200, {});
		const result = await runImoje({ parameters: linkParameters({}, additionalFields), credentials: { ...TEST_CREDENTIALS, environment: 'production' } });
		expect(production.isDone()).toBe(false);
		expect(result.error?.message).toMatch(message);
		// The address is named without n8n's resume token.
		expect(JSON.stringify(result.error)).not.toMatch(/signature=/);
	});

	test('a Custom Base URL (the simulator) sends localhost and ports as typed', async () => {
		const captured = imojeAnswers(200, { payment: { id: LINK } });
		const result = await runImoje({ parameters: linkParameters({}, { notificationUrl: 'http://127.0.0.1:5678/webhook/x' }) });
		expect(result.error).toBeUndefined();
		expect((captured[0].body as IDataObject).notificationUrl).toBe('http://127.0.0.1:5678/webhook/x');
		expect(production.environment).toBe('production');
	});
});

/**
 * "Fit Text to imoje's Rules" (on by default) turns text imoje's validator would refuse
 * into text it accepts; off, text goes as typed and refused text stops the node with
 * the field named. The rules are imoje's own patterns (seed 01).
 */
import type { IDataObject } from 'n8n-workflow';

import { fitText } from '../../dist/nodes/Imoje/fields/fitText';
import { TEXT, textProblem } from '../../dist/nodes/Imoje/fields/rules';
import { runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink } from './parameters';

/** The rule each field of these examples has (fields/payment.ts, fields/lists.ts). */
const RULES: Record<string, ReturnType<typeof TEXT.name>> = {
	'billing.street': TEXT.address(200),
	'billing.city': TEXT.address(100),
	'shipping.city': TEXT.address(100),
	'billing.region': TEXT.address(100),
	'billing.company': TEXT.company,
	'shipping.company': TEXT.shippingCompany,
	'customer.phone': TEXT.phone,
	'customer.lastName': TEXT.name(100),
	'customer.firstName': TEXT.name(100),
	title: TEXT.title,
	additionalDescription: TEXT.description,
	'data.multipayout[].label': TEXT.payoutLabel,
};
const ruleOf = (path: string) => RULES[path];

describe('fitText', () => {
	test.each<[string, string, string]>([
		['billing.street', 'ul. Piotrkowska 12/3', 'ul Piotrkowska 12 3'],
		['billing.city', 'Łódź', 'Lodz'],
		['shipping.city', 'Zażółć gęślą jaźń', 'Zazolc gesla jazn'],
		['billing.region', 'Łódzkie, PL', 'Lodzkie PL'],
		['billing.street', 'ŁĄKOWA 7—9', 'LAKOWA 7 9'],
		['billing.company', 'Firma „Ząb”', 'Firma "Ząb"'],
		['shipping.company', 'Ząb & Syn', 'Ząb Syn'],
		['customer.phone', '+48 (600) 700-800', '+48 600 700-800'],
		['title', 'Zamówienie: nr 7! (pilne)', 'Zamówienie nr 7 pilne'],
		['customer.lastName', 'O’Brien', "O'Brien"],
		['customer.firstName', 'Łucja', 'Łucja'],
		['additionalDescription', 'Line one\nLine two: ok', 'Line one\nLine two ok'],
		['data.multipayout[].label', 'Partner – A', 'Partner - A'],
	])('%s: %p -> %p', (path, input, fitted) => {
		const rule = ruleOf(path);
		expect(fitText(input, rule)).toBe(fitted);
		expect(textProblem(fitText(input, rule), rule)).toBeUndefined();
	});

	test('cuts text to imoje\'s length, but never a phone number', () => {
		expect(fitText('A'.repeat(300), ruleOf('title'))).toHaveLength(255);
		expect(fitText(`${'a'.repeat(99)} b`, ruleOf('billing.city'))).toBe('a'.repeat(99));
		expect(fitText('+48 600 700 800 900 100', ruleOf('customer.phone'))).toBe('+48 600 700 800 900 100');
	});

	test('names the refused characters when checking', () => {
		expect(textProblem('ul. Piotrkowska 12/3', ruleOf('billing.street'))).toBe(
			'may only contain letters A-Z without accents, digits and spaces; imoje refuses "." "/" (turn on "Fit Text to Imoje\'s Rules" to replace them)',
		);
	});
});

const link = (extra: IDataObject = {}, additionalFields: IDataObject = {}) => paymentLink({ customerLastName: 'O’Brien', ...extra }, additionalFields);
const billing = {
	billing: { address: { firstName: 'Jan', lastName: 'Kowalski', street: 'ul. Piotrkowska 12/3', city: 'Łódź', region: 'łódzkie', company: 'Firma „Ząb”' } },
	customerPhone: '+48 (600) 700-800',
	title: 'Faktura: 7/2026 (zaliczka)!',
};

describe('through the engine', () => {
	beforeEach(resetImoje);

	test('on by default: a Polish address, phone and title arrive in a form imoje accepts', async () => {
		const captured = imojeAnswers(200, { payment: { id: 'x' } });
		const result = await runImoje({ parameters: link({}, billing) });
		expect(result.error).toBeUndefined();
		expect(captured[0].body).toMatchObject({
			customer: { lastName: "O'Brien", phone: '+48 600 700-800' },
			billing: { firstName: 'Jan', lastName: 'Kowalski', street: 'ul Piotrkowska 12 3', city: 'Lodz', region: 'lodzkie', company: 'Firma "Ząb"' },
			title: 'Faktura 7/2026 zaliczka',
		});
	});

	test('the order ID is never changed: refused characters stop the node', async () => {
		const captured = imojeAnswers(200, {});
		const result = await runImoje({ parameters: link({ orderId: 'ORDER: 7' }) });
		expect(captured).toHaveLength(0);
		expect(result.error?.message).toBe('Invalid "Order ID": may only contain letters, digits, spaces and # _ - . / \\; imoje refuses ":"');
	});

	test('off: text is checked against imoje\'s rules and refused with the field named', async () => {
		const captured = imojeAnswers(200, {});
		const result = await runImoje({ parameters: link({ fitText: false, customerLastName: 'Kowalski' }, billing) });
		expect(captured).toHaveLength(0);
		const shown = `${result.error?.message}\n${result.error?.description}`;
		expect(result.error?.message).toMatch(/^Invalid "Title": may only contain .*; imoje refuses ":" "\(" "\)" "!"/);
		expect(shown).toContain('"Billing Street": may only contain letters A-Z without accents, digits and spaces; imoje refuses "." "/"');
		expect(shown).toContain('"Billing City": may only contain');
		expect(shown).toContain('"Billing Company": may only contain');
		expect(shown).toContain('"Customer Phone": may only contain digits, spaces, + and -; imoje refuses "(" ")"');
	});

	test('off: what imoje accepts is sent exactly as typed (no rule is stricter than imoje\'s)', async () => {
		const captured = imojeAnswers(200, { payment: { id: 'x' } });
		const typed = {
			customerPhone: '+48 600-700 800',
			title: 'Zamówienie #7/2026, "A" & B_C \\ ok', additionalDescription: 'Wiersz 1\nWiersz 2',
			billing: { address: { firstName: 'Ёлка', lastName: 'Ñandú', company: 'Firma #1 & Co.', street: 'Dluga 5', city: 'Krakow' } },
		};
		const result = await runImoje({ parameters: link({ fitText: false, customerLastName: "O'Brien-Żółć" }, typed) });
		expect(result.error).toBeUndefined();
		expect(captured[0].body).toMatchObject({
			customer: { lastName: "O'Brien-Żółć", phone: '+48 600-700 800' },
			title: 'Zamówienie #7/2026, "A" & B_C \\ ok',
			additionalDescription: 'Wiersz 1\nWiersz 2',
			billing: { firstName: 'Ёлка', lastName: 'Ñandú', company: 'Firma #1 & Co.', street: 'Dluga 5', city: 'Krakow' },
		});
	});

	test('the refund title and profile debit title are fitted too', async () => {
		const captured = imojeAnswers(200, { transaction: { id: 'x' } });
		await runImoje({ parameters: { resource: 'refund', operation: 'create', transactionId: 'bf10e554-3da8-4f9e-82e8-937c3286b1da', amount: 100, additionalFields: { title: 'Zwrot: 1/2!' } } });
		await runImoje({ parameters: { resource: 'paymentProfile', operation: 'debit', paymentProfileId: '46f095b4-be6f-4ea0-8052-475ac8fbf218', amount: 100, currency: 'PLN', orderId: 'A', additionalFields: { title: 'Abonament (11/2026)' } } });
		expect(captured.map(({ body }) => (body as IDataObject).title)).toEqual(['Zwrot 1/2', 'Abonament 11/2026']);
	});
});

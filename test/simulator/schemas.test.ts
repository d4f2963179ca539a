// The simulator's request validation is imoje's schemas kept as data: every rule
// names its source, the cited seed line really says it, nothing comes from nodes/,
// and the rules refuse what imoje refuses (Polish addresses, numbers for text).
import axios, { type AxiosInstance } from 'axios';

import { createSimulator, loadSchemas, validate, type SchemaNode, type Simulator } from '../../tools/imoje-sim';
import { seedLines, simSources } from './helpers';

const schemas = loadSchemas();
const SOURCE = /^(seeds\/0[0-4]-[a-z-]+\.txt:\d+|API\.md \S.*|WordPressBugBounty\/plugins-imoje imoje\/\S+ \(.+\))$/;

/** Every schema node below a root, with its path: properties, items and definitions. */
function nodes(node: SchemaNode, at: string, out: Array<[string, SchemaNode]> = []): Array<[string, SchemaNode]> {
	out.push([at, node]);
	for (const [k, child] of Object.entries(node.properties ?? {})) nodes(child, `${at}.${k}`, out);
	for (const [k, child] of Object.entries(node.definitions ?? {})) nodes(child, `${at}#${k}`, out);
	if (node.items) nodes(node.items, `${at}[]`, out);
	return out;
}
const allNodes = Object.entries(schemas).flatMap(([file, root]) => nodes(root, file));
const sourcesOf = (n: SchemaNode) => [n['x-source'] ?? []].flat();

describe('schemas as data, each rule with its source', () => {
	it('has the request schemas of every operation that takes a body', () => {
		expect(Object.keys(schemas).sort()).toEqual([
			'can-refund', 'defs', 'payment-cancel', 'payment-create', 'payment-methods', 'profile-deactivate', 'profile-debit', 'refund', 'transaction-create', 'trusted-ips',
		]);
		expect(allNodes.length).toBeGreaterThan(100);
	});

	it('every rule names a seed line, API.md or a file of imoje\'s plugin; a $ref names it where defined', () => {
		const missing = allNodes.filter(([, n]) => !n.$ref && sourcesOf(n).length === 0).map(([at]) => at);
		expect(missing).toEqual([]);
		const malformed = allNodes.flatMap(([at, n]) => sourcesOf(n).filter((s) => !SOURCE.test(s)).map((s) => `${at}: ${s}`));
		expect(malformed).toEqual([]);
	});

	it('the cited seed line says the pattern, the maximum length and every value of the rule', () => {
		const lines = seedLines('01-payment-link-create.txt');
		// Outside the project's workspace the seeds are not there: only their format can be checked then.
		if (!lines) return expect(allNodes.every(([, n]) => sourcesOf(n).every((s) => SOURCE.test(s)))).toBe(true);
		const problems: string[] = [];
		for (const [at, n] of allNodes) {
			const cited = sourcesOf(n).filter((s) => s.startsWith('seeds/')).map((s) => {
				const [file, line] = s.slice('seeds/'.length).split(':');
				const text = seedLines(file);
				if (!text || Number(line) > text.length) problems.push(`${at}: ${s} does not exist`);
				// Seed 04 breaks "Maximum length is" and its number over two lines: read the line with the one before it.
				return text ? `${text[Number(line) - 2] ?? ''} ${text[Number(line) - 1] ?? ''}`.replace(/\s+/g, ' ') : '';
			});
			if (!cited.length) continue;
			const says = (needle: string) => cited.some((line) => line.includes(needle));
			if (n.pattern && !says(n.pattern)) problems.push(`${at}: pattern ${n.pattern} not on the cited line`);
			if (n.maxLength !== undefined && !says(`aximum length is ${n.maxLength}`)) problems.push(`${at}: maxLength ${n.maxLength} not on the cited line`);
			for (const v of n.enum ?? []) if (!says(String(v))) problems.push(`${at}: value ${v} not on the cited line`);
		}
		expect(problems).toEqual([]);
	});

	it('imports nothing from nodes/ and shares none of its code: the validator reads schemas/*.json', () => {
		const sources = simSources();
		expect(Object.keys(sources)).toContain('validate.js');
		for (const [file, text] of Object.entries(sources)) {
			expect([file, /require\([^)]*nodes\//.test(text)]).toEqual([file, false]);
			expect([file, /from ['"][^'"]*nodes\//.test(text)]).toEqual([file, false]);
		}
		// No pattern of imoje's is written into the simulator's code: they live in the JSON.
		const patterns = allNodes.map(([, n]) => n.pattern).filter((p): p is string => Boolean(p));
		for (const text of Object.values(sources)) for (const p of patterns) expect(text.includes(p)).toBe(false);
		expect(sources['validate.js']).toMatch(/require\('jsonschema'\)/);
	});
});

describe('what imoje refuses and accepts (POST /payment)', () => {
	let sim: Simulator;
	let api: AxiosInstance;
	beforeAll(async () => {
		sim = createSimulator();
		await sim.start();
		api = axios.create({ baseURL: `${sim.baseUrl}/sim-merchant`, headers: { Authorization: 'Bearer sim-token' }, validateStatus: () => true });
	});
	afterAll(() => sim.stop());

	const link = (extra: Record<string, unknown>) => ({
		serviceId: sim.config.serviceId, amount: 1250, currency: 'PLN', orderId: 'ORD-1', title: 'Order 1',
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' }, ...extra,
	});
	const address = (fields: Record<string, unknown>) => ({ firstName: 'Jan', lastName: 'Kowalski', postalCode: '90-001', countryCodeAlpha2: 'PL', ...fields });
	/** A link whose payer lives at `street`, `city`, `region` and has `phone`, in billing and shipping. */
	const payer = (phone: string, street: string, city: string, region: string) => link({
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com', phone },
		billing: address({ street, city, region }),
		shipping: address({ street, city }),
	});

	it('refuses a raw Polish address and a phone with brackets, naming each field (seed 01: street, city, region ^[A-Za-z0-9 ]+$)', async () => {
		const res = await api.post('/payment', payer('+48 (600) 700-800', 'ul. Piotrkowska 12/3', 'Łódź', 'łódzkie'));
		expect(res.status).toBe(422);
		expect(res.data.apiErrorResponse.code).toBe('REQ-ERROR-100002');
		const errors = res.data.apiErrorResponse.errors as Array<{ property: string; message: string }>;
		expect(errors).toEqual(expect.arrayContaining([
			{ property: 'instance.billing.street', message: 'does not match pattern "^[A-Za-z0-9 ]+$"' },
			{ property: 'instance.billing.city', message: 'does not match pattern "^[A-Za-z0-9 ]+$"' },
			{ property: 'instance.billing.region', message: 'does not match pattern "^[A-Za-z0-9 ]+$"' },
			{ property: 'instance.shipping.street', message: 'does not match pattern "^[A-Za-z0-9 ]+$"' },
			{ property: 'instance.shipping.city', message: 'does not match pattern "^[A-Za-z0-9 ]+$"' },
		]));
		expect(errors.find((e) => e.property === 'instance.customer.phone')?.message).toMatch(/^does not match pattern/);
	});

	it('accepts the same address fitted to imoje\'s rules and a phone of digits, +, - and spaces', async () => {
		const res = await api.post('/payment', payer('+48 600 700-800', 'ul Piotrkowska 12 3', 'Lodz', 'lodzkie'));
		expect(res.status).toBe(200);
		expect(res.data.payment.id).toBeDefined();
	});

	it('refuses numbers where imoje documents text, with the type message', async () => {
		const res = await api.post('/payment', link({ orderId: 1250, customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com', phone: 600700800 } }));
		expect(res.status).toBe(422);
		expect(res.data.apiErrorResponse.errors).toEqual([
			{ property: 'instance.orderId', message: 'is not of a type(s) string' },
			{ property: 'instance.customer.phone', message: 'is not of a type(s) string' },
		]);
		const amount = await api.post('/payment', link({ amount: '1250' }));
		expect(amount.data.apiErrorResponse.errors).toEqual([{ property: 'instance.amount', message: 'is not of a type(s) integer' }]);
	});

	it('keeps seed 01\'s own differences: shipping company has no "&", billing company does', () => {
		const body = (where: string) => link({ [where]: address({ company: 'Kowalski & Syn' }) });
		expect(validate('paymentCreate', body('billing'))).toEqual([]);
		expect(validate('paymentCreate', body('shipping'))).toEqual([{ property: 'instance.shipping.company', message: expect.stringMatching(/^does not match pattern/) }]);
	});
});

describe('transaction create fields imoje names (API.md Corrections)', () => {
	const sid = '5f3c1a2e-8b4d-4e6f-9a7b-1c2d3e4f5a6b';
	const trx = (extra: Record<string, unknown>) => ({
		type: 'sale', serviceId: sid, amount: 5000, currency: 'PLN', orderId: 'T-1', paymentMethod: 'card', paymentMethodCode: 'ecom3ds',
		successReturnUrl: 'https://shop.example.com/ok', failureReturnUrl: 'https://shop.example.com/no', customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com', cid: 'payer-1' }, ...extra,
	});
	const payout = { ban: '12345678901234567890123456', amount: 5000, label: 'Partner' };

	it('takes multipayout under data, and refuses it at the top level', () => {
		expect(validate('transactionCreate', trx({ data: { multipayout: [payout] } }))).toEqual([]);
		expect(validate('transactionCreate', trx({ multipayout: [payout] }))).toEqual([
			{ property: 'instance.multipayout', message: 'is not a transaction field: multipayout goes in data.multipayout' },
		]);
	});

	it('takes card and additionalData objects for a OneClick registration, and installment.period', () => {
		expect(validate('transactionCreate', trx({ card: { holder: 'Jan' }, additionalData: { type: 'FIRST' }, installment: { period: 12 } }))).toEqual([]);
		expect(validate('transactionCreate', trx({ card: 'x', installment: { period: '12' } }))).toEqual([
			{ property: 'instance.card', message: 'is not of a type(s) object' },
			{ property: 'instance.installment.period', message: 'is not of a type(s) integer' },
		]);
	});

	it('payment link cancel wants serviceId and paymentId', () => {
		expect(validate('paymentCancel', { paymentId: sid })).toEqual([{ property: 'instance', message: 'requires property "serviceId"' }]);
		expect(validate('paymentCancel', { serviceId: sid, paymentId: sid })).toEqual([]);
	});
});

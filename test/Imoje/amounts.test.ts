/**
 * Amounts are never changed silently: what reaches imoje is exactly the amount the user
 * meant, or nothing is sent and the error names the field. Checked on the pure
 * conversion and through the engine for every operation that carries an amount.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { toSmallestUnit } from '../../dist/nodes/Imoje/fields/amount';
import { runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink } from './parameters';

const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
const positive = { min: 1 as const, whole: true };

describe('toSmallestUnit', () => {
	test.each<[unknown, 'smallest' | 'main', number]>([
		[1250, 'smallest', 1250],
		['1250', 'smallest', 1250],
		[' 1250 ', 'smallest', 1250],
		['1250.00', 'smallest', 1250],
		['12.50', 'main', 1250],
		[12.5, 'main', 1250],
		['12.5', 'main', 1250],
		['12', 'main', 1200],
		['0.01', 'main', 1],
		// 19.99 * 100 is 1998.9999999999998 in floating point; the text is shifted instead.
		['19.99', 'main', 1999],
		[19.99, 'main', 1999],
		['12.290', 'main', 1229],
		['9007199254740.99', 'main', 900719925474099],
	])('%p in %s -> %p', (value, unit, expected) => {
		expect(toSmallestUnit(value, unit, positive)).toEqual({ amount: expected });
	});

	test.each<[unknown, 'smallest' | 'main', RegExp]>([
		[0, 'smallest', /above 0/],
		['0', 'main', /above 0/],
		['0.00', 'main', /above 0/],
		[-5, 'smallest', /not negative/],
		['-5', 'main', /not negative/],
		[7.5, 'smallest', /whole number of the smallest currency unit.*7\.5 is a fraction/],
		['12.345', 'main', /more than 2 decimal places: 12.345 is a fraction of the smallest currency unit/],
		['1,250', 'smallest', /dot for decimals, without thousands separators/],
		['12,50', 'main', /dot for decimals/],
		['1 250', 'smallest', /without thousands separators/],
		['abc', 'smallest', /must be a number \(got "abc"\)/],
		['', 'smallest', /must be a number/],
		[true, 'smallest', /not a boolean/],
		[null, 'smallest', /not null/],
		[{ value: 1 }, 'smallest', /not an object/],
		[Number.NaN, 'smallest', /must be a number/],
		['1e3', 'smallest', /must be a number/],
	])('%p in %s is refused', (value, unit, problem) => {
		const converted = toSmallestUnit(value, unit, positive);
		expect(converted.amount).toBeUndefined();
		expect(converted.problem).toMatch(problem);
	});

	test('zero is allowed where imoje allows it (a cart item), negatives are not', () => {
		expect(toSmallestUnit('0', 'main', { min: 0, whole: true })).toEqual({ amount: 0 });
		expect(toSmallestUnit('-1', 'main', { min: 0, whole: true }).problem).toBe('must not be negative');
	});

	test('a tax, typed `number` by imoje, may keep a fraction of the smallest unit', () => {
		expect(toSmallestUnit('2.875', 'main', { min: 0, whole: false })).toEqual({ amount: 287.5 });
		expect(toSmallestUnit('287.5', 'smallest', { min: 0, whole: false })).toEqual({ amount: 287.5 });
	});
});

describe('the fields n8n shows', () => {
	const all = (properties: INodeProperties[]): INodeProperties[] =>
		properties.flatMap((property) => [
			property,
			...all((property.options ?? []).flatMap((option) => ('values' in option ? option.values : 'type' in option ? [option as INodeProperties] : []))),
		]);
	const fields = all(new Imoje().description.properties);

	test('no field makes the editor rewrite a number (minValue, numberPrecision)', () => {
		// Limit (Get Many) is n8n's standard count field, which n8n's lint wants with minValue 1.
		const rewriting = fields.filter((field) => field.name !== 'limit' && (field.typeOptions?.minValue !== undefined || field.typeOptions?.numberPrecision !== undefined));
		expect(rewriting.map((field) => field.name)).toEqual([]);
	});

	test('every amount is a text field, so the editor shows it as typed ("1250", never "1,250")', () => {
		const amounts = fields.filter((field) => /amount/i.test(field.name) && field.name !== 'amountUnit');
		expect(amounts.length).toBeGreaterThanOrEqual(7);
		expect(amounts.filter((field) => field.type !== 'string').map((field) => field.name)).toEqual([]);
	});

	test('the unit is in the Amount label, one parameter per unit', () => {
		const labels = fields.filter((field) => /^amount(InMainUnit)?$/.test(field.name) && field.displayOptions?.show?.amountUnit).map((field) => `${field.name}: ${field.displayName}`);
		expect(new Set(labels)).toEqual(new Set(['amount: Amount in Smallest Unit', 'amountInMainUnit: Amount in Main Unit']));
	});
});

/** Each unit has its own parameter: an amount typed in the main unit is `amountInMainUnit`. */
const link = (amount: unknown, extra: IDataObject = {}) => {
	const { additionalFields = {}, ...rest } = extra;
	const parameter = rest.amountUnit === 'main' ? 'amountInMainUnit' : 'amount';
	return paymentLink({ amount: undefined, [parameter]: amount, ...rest }, additionalFields as IDataObject);
};

describe('through the engine', () => {
	beforeEach(resetImoje);

	test.each<[string, IDataObject, RegExp]>([
		['0 (the editor used to make it 1)', link('0'), /^Invalid "Amount": must be above 0$/],
		['-5 (the editor used to make it 5)', link('-5'), /^Invalid "Amount": must be above 0, not negative$/],
		['7.5 (the editor used to make it 75)', link('7.5'), /^Invalid "Amount": must be a whole number of the smallest currency unit/],
		['1,250', link('1,250'), /^Invalid "Amount": must be written with digits and a dot/],
		['text', link('twelve'), /^Invalid "Amount": must be a number \(got "twelve"\)/],
		['an expression giving no amount', link('={{ $json.missing }}'), /^Invalid "Amount": is required$/],
		['a boolean from an expression', link('={{ true }}'), /^Invalid "Amount": must be a number or text with a number, not a boolean/],
		['12.345 in the main unit', link('12.345', { amountUnit: 'main' }), /^Invalid "Amount": has more than 2 decimal places/],
		['0.00 in the main unit', link('0.00', { amountUnit: 'main' }), /^Invalid "Amount": must be above 0$/],
		['0.1 + 0.2 from an expression in the main unit', link('={{ 0.1 + 0.2 }}', { amountUnit: 'main' }), /^Invalid "Amount": has more than 2 decimal places: 0.30000000000000004/],
		['a multipayout of 0', link('100', { additionalFields: { multipayout: { payouts: [{ ban: '61109010140000071219812874', amount: '0', label: 'A' }] } } }), /^Invalid "Multipayout Amount \(item 1\)": must be above 0$/],
		['a negative cart amount', link('100', { additionalFields: { cart: { items: [{ id: '1', name: 'A', amount: '-1', tax: '0', taxStake: 23, quantity: 1, url: 'https://s.example.com', categoryId: 'c' }] } } }), /^Invalid "Cart Item Net Unit Amount \(item 1\)": must not be negative$/],
		['a cart quantity of 1.5', link('100', { additionalFields: { cart: { items: [{ id: '1', name: 'A', amount: '1', tax: '0', taxStake: 23, quantity: 1.5, url: 'https://s.example.com', categoryId: 'c' }] } } }), /^Invalid "Cart Item Quantity \(item 1\)": must be a whole number above 0$/],
		['a refund of 7.5', { resource: 'refund', operation: 'create', transactionId: TRX, amount: 7.5 }, /^Invalid "Amount": must be a whole number/],
		['a can-refund check of 0', { resource: 'refund', operation: 'checkPossibility', transactionId: TRX, amount: 0 }, /^Invalid "Amount": must be above 0$/],
		['a debit of -1', { resource: 'paymentProfile', operation: 'debit', paymentProfileId: PROFILE, amount: -1, currency: 'PLN', orderId: 'A' }, /^Invalid "Amount": must be above 0, not negative$/],
		['payment methods for 0.5', { resource: 'paymentMethod', operation: 'getAvailable', amount: '0.5', currency: 'PLN' }, /^Invalid "Amount": must be a whole number/],
	])('%s is refused, nothing is sent', async (_name, parameters, message) => {
		const captured = imojeAnswers(200, {});
		const result = await runImoje({ parameters });
		expect(captured).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
	});

	test.each<[string, IDataObject, number]>([
		['a whole number typed in the field', link('1250'), 1250],
		['a number from an expression', link('={{ 1250 }}'), 1250],
		['text "1250" from an expression (accepted: the field is text)', link('={{ "1250" }}'), 1250],
		['12.50 in the main unit', link('12.50', { amountUnit: 'main' }), 1250],
		['19.99 in the main unit, without float drift', link('19.99', { amountUnit: 'main' }), 1999],
		['0.29 from an expression in the main unit (0.29 * 100 is 28.999999999999996 in floats)', link('={{ 0.29 }}', { amountUnit: 'main' }), 29],
	])('%s is sent as the integer %p', async (_name, parameters, expected) => {
		const captured = imojeAnswers(200, { payment: { id: 'x' } });
		const result = await runImoje({ parameters });
		expect(result.error).toBeUndefined();
		expect((captured[0].body as IDataObject).amount).toBe(expected);
	});

	test('in the main unit every amount of the body is converted: cart, multipayout, invoice', async () => {
		const captured = imojeAnswers(200, { payment: { id: 'x' } });
		const result = await runImoje({
			parameters: link('246.00', {
				amountUnit: 'main',
				additionalFields: {
					cart: { items: [{ id: 'P-1', name: 'Laptop', amountInMainUnit: '100.00', taxInMainUnit: '23.00', taxStake: 23, quantity: 2, url: 'https://s.example.com/1', categoryId: 'it', discount_amountInMainUnit: '5', discount_taxInMainUnit: '1.15' }] },
					multipayout: { payouts: [{ ban: '61109010140000071219812874', amountInMainUnit: '200.10', label: 'Partner' }] },
					invoice: {
						details: {
							buyerType: 'PERSON', buyerEmail: 'a@example.com', buyerFullName: 'Anna', buyerStreet: 'Dluga 5', buyerCity: 'Krakow',
							buyerPostalCode: '31-147', buyerCountryCodeAlpha2: 'PL',
							positions: { position: [{ name: 'Laptop', code: 'L', quantity: 2, unit: 'pcs', grossAmountInMainUnit: '123.00', taxStake: 'TAX_23', discountAmountInMainUnit: '', taxAmountInMainUnit: '23.01' }] },
						},
					},
				},
			}),
		});
		expect(result.error).toBeUndefined();
		const body = captured[0].body as IDataObject;
		expect(body.amount).toBe(24600);
		expect(body.cart).toEqual({ items: [expect.objectContaining({ amount: 10000, tax: 2300, quantity: 2, discount: { amount: 500, tax: 115 } })] });
		expect(body.multipayout).toEqual([{ ban: '61109010140000071219812874', amount: 20010, label: 'Partner' }]);
		expect((body.invoice as IDataObject).positions).toEqual([{ name: 'Laptop', code: 'L', quantity: 2, unit: 'pcs', grossAmount: 12300, taxStake: 'TAX_23', taxAmount: 2301 }]);
	});

	test('Extra Body Fields are raw imoje JSON: an amount there is not converted, and must be an integer', async () => {
		const captured = imojeAnswers(200, { payment: { id: 'x' } });
		await runImoje({ parameters: link('12.50', { amountUnit: 'main', additionalFields: { extraBody: '{"amount": 1300}' } }) });
		expect((captured[0].body as IDataObject).amount).toBe(1300);
		const refused = await runImoje({ parameters: link('12.50', { amountUnit: 'main', additionalFields: { extraBody: '{"amount": 13.5}' } }) });
		expect(refused.error?.message).toMatch(/^Invalid "Amount": must be a whole number above 0/);
		expect(captured).toHaveLength(1);
	});
});

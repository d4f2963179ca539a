/**
 * Each nested body, filled in through fields only, arrives at imoje in the shape
 * imoje documents (seeds 01, 03 and 04).
 */
import type { IDataObject } from 'n8n-workflow';

import { SHOP_ID, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';

const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
const customer = { customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan@example.com' };

const address = (extra: IDataObject = {}) => ({
	address: {
		firstName: 'Anna', lastName: 'Nowak', company: 'Nowak Sp z o o', street: 'Dluga 5', city: 'Krakow',
		region: 'Malopolskie', postalCode: '31-147', countryCodeAlpha2: 'PL', ...extra,
	},
});
const sentAddress = (extra: IDataObject = {}) => ({
	firstName: 'Anna', lastName: 'Nowak', company: 'Nowak Sp z o o', street: 'Dluga 5', city: 'Krakow',
	region: 'Malopolskie', postalCode: '31-147', countryCodeAlpha2: 'PL', ...extra,
});

const invoiceFields = {
	details: {
		buyerType: 'COMPANY', buyerEmail: 'faktury@nowak.pl', buyerFullName: 'Nowak Sp. z o.o.', buyerStreet: 'Dluga 5',
		buyerCity: 'Krakow', buyerPostalCode: '31-147', buyerCountryCodeAlpha2: 'PL', buyerIdType: 'VAT_ID',
		buyerIdNumber: '6761234567', buyerIdCountryCodeAlpha2: 'PL',
		positions: {
			position: [
				{ name: 'Consulting', code: 'SRV-1', quantity: 2, unit: 'h', grossAmount: 12300, taxStake: 'TAX_23', discountAmount: 0, taxAmount: 2300 },
				{ name: 'Book', code: 'BK-9', quantity: 1, unit: 'pcs', grossAmount: 4200, taxStake: 'TAX_5', discountAmount: 200, taxAmount: 0 },
			],
		},
		issueInvoice: true, invoiceId: 'FV/2026/11/7', vatExemptionType: 'OTHER', vatExemptionText: 'Art. 113',
	},
};
const sentInvoice = {
	buyer: {
		type: 'COMPANY', email: 'faktury@nowak.pl', fullName: 'Nowak Sp. z o.o.', street: 'Dluga 5', city: 'Krakow',
		postalCode: '31-147', countryCodeAlpha2: 'PL', idType: 'VAT_ID', idNumber: '6761234567', idCountryCodeAlpha2: 'PL',
	},
	positions: [
		{ name: 'Consulting', code: 'SRV-1', quantity: 2, unit: 'h', grossAmount: 12300, taxStake: 'TAX_23', taxAmount: 2300 },
		{ name: 'Book', code: 'BK-9', quantity: 1, unit: 'pcs', grossAmount: 4200, taxStake: 'TAX_5', discountAmount: 200 },
	],
	issueInvoice: true,
	invoiceId: 'FV/2026/11/7',
	basisForVatExemption: { type: 'OTHER', text: 'Art. 113' },
};

const payoutFields = {
	payouts: [
		{ ban: '61109010140000071219812874', amount: 7000, label: 'Partner A', title: 'Prowizja 11' },
		{ ban: '27114020040000300201355387', amount: 3000, label: 'Partner B', title: '' },
	],
};
const sentPayouts = [
	{ ban: '61109010140000071219812874', amount: 7000, label: 'Partner A', title: 'Prowizja 11' },
	{ ban: '27114020040000300201355387', amount: 3000, label: 'Partner B' },
];

async function bodySent(parameters: IDataObject) {
	const captured = imojeAnswers(200, { transaction: { id: 'x' } });
	const result = await runImoje({ parameters });
	expect(result.error).toBeUndefined();
	expect(captured).toHaveLength(1);
	return captured[0].body;
}

beforeEach(resetImoje);

test('transaction create: customer, billing, shipping, invoice, multipayout and the rest', async () => {
	const body = await bodySent({
		resource: 'transaction', operation: 'create', amount: 10000, currency: 'PLN', orderId: 'ORDER-7',
		paymentMethod: 'blik', paymentMethodCode: 'blik', successReturnUrl: 'https://shop.example.com/ok',
		failureReturnUrl: 'https://shop.example.com/fail', ...customer,
		additionalFields: {
			customerPhone: '+48 501 501 501', customerCid: 'cust-7', customerCompany: 'Kowalski', customerLocale: 'en',
			billing: address({ taxId: '6761234567' }), shipping: address(), invoice: invoiceFields, multipayout: payoutFields,
			title: 'Zamowienie 7', additionalDescription: 'Two items', notificationUrl: 'https://n8n.example.com/webhook/imoje',
			blikCode: '777123', clientIp: '203.0.113.7', visibleMethod: ['blik', 'pbl'], validTo: '2031-01-01T00:00:00.000Z',
		},
		shop: { __rl: true, mode: 'id', value: 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7' },
	});
	expect(body).toEqual({
		type: 'sale', serviceId: 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7', amount: 10000, currency: 'PLN', orderId: 'ORDER-7',
		paymentMethod: 'blik', paymentMethodCode: 'blik', successReturnUrl: 'https://shop.example.com/ok',
		failureReturnUrl: 'https://shop.example.com/fail',
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com', phone: '+48 501 501 501', cid: 'cust-7', company: 'Kowalski', locale: 'en' },
		billing: sentAddress({ taxId: '6761234567' }),
		shipping: sentAddress(),
		invoice: sentInvoice,
		// Transaction create takes multipayout under data (seed 04 has no top-level one; seed 03's data.multipayout).
		data: { multipayout: sentPayouts },
		title: 'Zamowienie 7', additionalDescription: 'Two items', notificationUrl: 'https://n8n.example.com/webhook/imoje',
		blikCode: '777123', clientIp: '203.0.113.7', visibleMethod: ['blik', 'pbl'], validTo: 1924992000,
	});
});

test('payment link create: cart items with optional parts only when given', async () => {
	const body = (await bodySent({
		resource: 'paymentLink', operation: 'create', amount: 24600, currency: 'PLN', orderId: 'LEASE-1', ...customer,
		additionalFields: {
			cart: {
				items: [
					{ id: 'P-1', name: 'Laptop', amount: 10000, tax: 2300, taxStake: 23, quantity: 2, url: 'https://shop.example.com/p/1', categoryId: 'it', unit: 'pcs', state: 'NEW', discount_amount: 500, discount_tax: 115 },
					{ id: 'P-2', name: 'Cable', amount: 0, tax: 0, taxStake: 'TAX_EXEMPT', quantity: 1, url: 'https://shop.example.com/p/2', categoryId: 'it', unit: '', state: '', discount_amount: 0, discount_tax: 0 },
				],
			},
			preselectMethodCode: 'ipko', returnUrl: 'https://shop.example.com/back', isKsef: true, neverExpires: true,
		},
	})) as IDataObject;
	expect(body.cart).toEqual({
		items: [
			{ id: 'P-1', name: 'Laptop', amount: 10000, tax: 2300, taxStake: 23, quantity: 2, url: 'https://shop.example.com/p/1', categoryId: 'it', unit: 'pcs', state: 'NEW', discount: { amount: 500, tax: 115 } },
			{ id: 'P-2', name: 'Cable', amount: 0, tax: 0, taxStake: 'TAX_EXEMPT', quantity: 1, url: 'https://shop.example.com/p/2', categoryId: 'it' },
		],
	});
	expect(body).toMatchObject({ preselectMethodCode: 'ipko', returnUrl: 'https://shop.example.com/back', isKsef: true, validTo: null });
});

test('profile debit: multipayout under data, invoice at the top', async () => {
	const body = await bodySent({
		resource: 'paymentProfile', operation: 'debit', paymentProfileId: PROFILE, amount: 10000, currency: 'PLN', orderId: 'SUB-1',
		additionalFields: { multipayout: payoutFields, invoice: invoiceFields, title: 'Abonament' },
	});
	expect(body).toEqual({
		serviceId: SHOP_ID, paymentProfileId: PROFILE, amount: 10000, currency: 'PLN', orderId: 'SUB-1', title: 'Abonament',
		data: { multipayout: sentPayouts }, invoice: sentInvoice,
	});
});

test('the raw JSON escape hatch is merged into the body, deeply, and wins', async () => {
	const body = await bodySent({
		resource: 'transaction', operation: 'create', amount: 100, currency: 'PLN', orderId: 'C-1', paymentMethod: 'card',
		paymentMethodCode: 'ecom3ds', successReturnUrl: 'https://s.example.com/ok', failureReturnUrl: 'https://s.example.com/no', ...customer,
		additionalFields: { extraBody: '{"oneclick":"FIRST","customer":{"cid":"c-9"},"browserData":{"screenWidth":1920}}' },
	});
	expect(body).toMatchObject({
		oneclick: 'FIRST',
		browserData: { screenWidth: 1920 },
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com', cid: 'c-9' },
	});
});

/**
 * Every one of imoje's 19 endpoints, through n8n's engine: the method, path, Bearer
 * header and exact JSON body that reach imoje, and the items the node returns.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { SHOP_ID, BEARER_WORD, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';

const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
const OTHER_SHOP = 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7';
/** A resource locator value as the editor stores it. */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const customer = { customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan@example.com' };
const sentCustomer = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

interface Case {
	name: string;
	parameters: IDataObject;
	method: string;
	path: string;
	body?: unknown;
	reply: unknown;
	output: IDataObject[];
}

const cases: Case[] = [
	{
		name: 'transaction create',
		parameters: {
			resource: 'transaction', operation: 'create', amount: 10000, currency: 'PLN', orderId: 'ORDER-1',
			paymentMethod: 'pbl', paymentMethodCode: 'mtransfer', successReturnUrl: 'https://shop.example.com/ok',
			failureReturnUrl: 'https://shop.example.com/fail', ...customer,
		},
		method: 'POST',
		path: '/transaction',
		body: {
			type: 'sale', serviceId: SHOP_ID, amount: 10000, currency: 'PLN', orderId: 'ORDER-1', paymentMethod: 'pbl',
			paymentMethodCode: 'mtransfer', successReturnUrl: 'https://shop.example.com/ok',
			failureReturnUrl: 'https://shop.example.com/fail', customer: sentCustomer,
		},
		reply: { transaction: { id: TRX, status: 'pending' }, action: { type: 'redirect', url: 'https://paywall.imoje.pl/redirect/x' } },
		output: [{ id: TRX, status: 'pending', action: { type: 'redirect', url: 'https://paywall.imoje.pl/redirect/x' } }],
	},
	{
		name: 'transaction get',
		parameters: { resource: 'transaction', operation: 'get', transactionId: byId(TRX) },
		method: 'GET',
		path: `/transaction/${TRX}`,
		reply: { transaction: { id: TRX, status: 'settled', refunds: [] } },
		output: [{ id: TRX, status: 'settled', refunds: [] }],
	},
	{
		name: 'transaction capture',
		parameters: { resource: 'transaction', operation: 'capture', transactionId: byId(` ${TRX} `) },
		method: 'POST',
		path: `/transaction/${TRX}/capture`,
		reply: { transaction: { id: TRX, status: 'settled' } },
		output: [{ id: TRX, status: 'settled' }],
	},
	{
		name: 'transaction void',
		parameters: { resource: 'transaction', operation: 'void', transactionId: byId(TRX) },
		method: 'POST',
		path: `/transaction/${TRX}/void`,
		reply: { transaction: { id: TRX, status: 'cancelled' } },
		output: [{ id: TRX, status: 'cancelled' }],
	},
	{
		name: 'payment link create',
		parameters: { resource: 'paymentLink', operation: 'create', amount: 4999, currency: 'EUR', orderId: 'DEAL #42', ...customer },
		method: 'POST',
		path: '/payment',
		body: { serviceId: SHOP_ID, amount: 4999, currency: 'EUR', orderId: 'DEAL #42', customer: sentCustomer },
		reply: { payment: { id: LINK, url: 'https://paywall.imoje.pl/s/yfnZFcUOG7', amount: 4999 } },
		output: [{ id: LINK, url: 'https://paywall.imoje.pl/s/yfnZFcUOG7', amount: 4999 }],
	},
	{
		name: 'payment link get',
		parameters: { resource: 'paymentLink', operation: 'get', paymentId: byId(LINK) },
		method: 'GET',
		path: `/payment/${LINK}`,
		reply: { id: LINK, amount: '4999', transactions: [{ id: TRX, status: 'settled' }] },
		output: [{ id: LINK, amount: '4999', transactions: [{ id: TRX, status: 'settled' }] }],
	},
	{
		name: 'payment link cancel',
		parameters: { resource: 'paymentLink', operation: 'cancel', paymentId: byId(LINK) },
		method: 'POST',
		path: '/payment/cancel',
		body: { serviceId: SHOP_ID, paymentId: LINK },
		reply: { id: LINK, status: 'cancelled', transactions: [] },
		output: [{ id: LINK, status: 'cancelled', transactions: [] }],
	},
	{
		name: 'payment link cancel in another shop',
		parameters: { resource: 'paymentLink', operation: 'cancel', paymentId: byId(LINK), shop: byId(OTHER_SHOP) },
		method: 'POST',
		path: '/payment/cancel',
		body: { serviceId: OTHER_SHOP, paymentId: LINK },
		reply: { id: LINK, status: 'cancelled', transactions: [] },
		output: [{ id: LINK, status: 'cancelled', transactions: [] }],
	},
	{
		name: 'refund create',
		parameters: { resource: 'refund', operation: 'create', transactionId: byId(TRX), amount: 500, additionalFields: { title: 'Zwrot 1/2' } },
		method: 'POST',
		path: `/transaction/${TRX}/refund`,
		body: { type: 'refund', serviceId: SHOP_ID, amount: 500, title: 'Zwrot 1/2' },
		reply: { transaction: { id: 'c2f1d0e4-5b6a-4c7d-8e9f-0a1b2c3d4e5f', type: 'refund', status: 'settled', amount: 500 } },
		output: [{ id: 'c2f1d0e4-5b6a-4c7d-8e9f-0a1b2c3d4e5f', type: 'refund', status: 'settled', amount: 500 }],
	},
	{
		name: 'refund check possibility',
		parameters: { resource: 'refund', operation: 'checkPossibility', transactionId: byId(TRX), amount: 500 },
		method: 'POST',
		path: `/transaction/${TRX}/can-refund`,
		body: { amount: 500 },
		reply: { id: TRX, refundable: true, balance: 10000, fullRefund: true, partialRefund: { maxRefundAmount: 10000, minRefundAmount: 1 } },
		output: [{ id: TRX, refundable: true, balance: 10000, fullRefund: true, partialRefund: { maxRefundAmount: 10000, minRefundAmount: 1 } }],
	},
	{
		name: 'shop get (another shop)',
		parameters: { resource: 'shop', operation: 'get', shop: fromList(OTHER_SHOP) },
		method: 'GET',
		path: `/service/${OTHER_SHOP}`,
		reply: { service: { id: OTHER_SHOP, isActive: true, paymentMethods: [] } },
		output: [{ id: OTHER_SHOP, isActive: true, paymentMethods: [] }],
	},
	{
		name: 'shop get many',
		parameters: { resource: 'shop', operation: 'getAll' },
		method: 'GET',
		path: '/services',
		reply: [{ service: { id: SHOP_ID } }, { service: { id: OTHER_SHOP } }],
		output: [{ id: SHOP_ID }, { id: OTHER_SHOP }],
	},
	{
		name: 'payment profile debit',
		parameters: { resource: 'paymentProfile', operation: 'debit', paymentProfileId: fromList(PROFILE), amount: 1000, currency: 'PLN', orderId: 'SUB-2026-11' },
		method: 'POST',
		path: '/transaction/profile',
		body: { serviceId: SHOP_ID, paymentProfileId: PROFILE, amount: 1000, currency: 'PLN', orderId: 'SUB-2026-11' },
		reply: { transaction: { id: TRX, status: 'pending', paymentProfile: { id: PROFILE, profile: 'RECURRING' } } },
		output: [{ id: TRX, status: 'pending', paymentProfile: { id: PROFILE, profile: 'RECURRING' } }],
	},
	{
		name: 'payment profile get many by cid',
		parameters: { resource: 'paymentProfile', operation: 'getAll', cid: 'customer-7' },
		method: 'GET',
		path: '/profile/cid/customer-7',
		reply: { paymentProfiles: [{ id: PROFILE, isActive: 1 }, { id: LINK, isActive: 0 }] },
		output: [{ id: PROFILE, isActive: 1 }, { id: LINK, isActive: 0 }],
	},
	{
		name: 'payment profile get',
		parameters: { resource: 'paymentProfile', operation: 'get', paymentProfileId: byId(PROFILE) },
		method: 'GET',
		path: `/profile/id/${PROFILE}`,
		reply: { paymentProfile: { id: PROFILE, maskedNumber: '****1111', isActive: 1, profile: 'ONE_CLICK' } },
		output: [{ id: PROFILE, maskedNumber: '****1111', isActive: 1, profile: 'ONE_CLICK' }],
	},
	{
		name: 'payment profile deactivate (DELETE)',
		parameters: { resource: 'paymentProfile', operation: 'deactivate', paymentProfileId: byId(PROFILE) },
		method: 'DELETE',
		path: `/profile/id/${PROFILE}`,
		reply: '',
		output: [{ success: true }],
	},
	{
		name: 'payment profile deactivate (POST form)',
		parameters: { resource: 'paymentProfile', operation: 'deactivate', paymentProfileId: fromList(PROFILE), options: { usePost: true } },
		method: 'POST',
		path: '/profile/deactivate',
		body: { paymentProfileId: PROFILE },
		reply: { paymentProfile: { id: PROFILE, isActive: 0 } },
		output: [{ id: PROFILE, isActive: 0 }],
	},
	{
		name: 'trusted IPs get',
		parameters: { resource: 'trustedIp', operation: 'getAll' },
		method: 'GET',
		path: '/settings/ips',
		reply: { trustedIps: ['203.0.113.7'] },
		output: [{ trustedIps: ['203.0.113.7'] }],
	},
	{
		name: 'trusted IPs set',
		parameters: { resource: 'trustedIp', operation: 'set', ips: '203.0.113.7,\n198.51.100.0/24  2001:db8::1' },
		method: 'PUT',
		path: '/settings/ips',
		body: { trustedIps: ['203.0.113.7', '198.51.100.0/24', '2001:db8::1'] },
		reply: { trustedIps: ['203.0.113.7', '198.51.100.0/24', '2001:db8::1'] },
		output: [{ trustedIps: ['203.0.113.7', '198.51.100.0/24', '2001:db8::1'] }],
	},
	{
		name: 'payment methods get available',
		parameters: { resource: 'paymentMethod', operation: 'getAvailable', amount: 2500, currency: 'PLN', additionalFields: { device: 'mobile', locale: 'en' } },
		method: 'POST',
		path: `/service/${SHOP_ID}/get-payment-methods`,
		body: { amount: 2500, currency: 'PLN', device: 'mobile', locale: 'en' },
		reply: [{ label: 'BLIK', isOnline: true, channels: [{ paymentMethod: 'blik', paymentMethodCode: 'blik' }] }],
		output: [{ label: 'BLIK', isOnline: true, channels: [{ paymentMethod: 'blik', paymentMethodCode: 'blik' }] }],
	},
];

beforeEach(resetImoje);

describe.each(cases)('$name', ({ parameters, method, path, body, reply, output }) => {
	test(`sends ${method} ${path} with the Bearer token and returns imoje's answer`, async () => {
		const captured = imojeAnswers(200, reply);
		const result = await runImoje({ parameters });

		expect(result.error).toBeUndefined();
		expect(captured).toHaveLength(1);
		const [request] = captured;
		expect(request.method).toBe(method);
		expect(request.path).toBe(`/v1/merchant/mrc6kc8xyz${path}`);
		expect(request.headers.authorization).toBe(`Bearer ${BEARER_WORD}`);
		expect(request.body).toEqual(body);
		if (body !== undefined) expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(result.items.map((item) => item.json)).toEqual(output);
	});
});

test('the table covers 19 distinct endpoints and every operation the node offers', () => {
	const endpoints = new Set(cases.map(({ method, path }) => `${method} ${path.replace(/[0-9a-f-]{36}|customer-7/g, '{id}')}`));
	expect(endpoints.size).toBe(19);

	const offered = new Imoje().description.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property: INodeProperties) =>
			(property.options as Array<{ value: string }>).map(({ value }) => `${property.displayOptions?.show?.resource?.[0]}.${value}`),
		);
	const tested = new Set(cases.map(({ parameters }) => `${parameters.resource}.${parameters.operation}`));
	expect(offered.sort()).toEqual([...tested].sort());
});

test('Simplify off returns the answer as imoje sent it', async () => {
	imojeAnswers(200, { payment: { id: LINK, url: 'https://paywall.imoje.pl/s/x' } });
	const result = await runImoje({
		parameters: { resource: 'paymentLink', operation: 'create', amount: 100, currency: 'PLN', orderId: 'A', ...customer, simplify: false },
	});
	expect(result.items.map((item) => item.json)).toEqual([{ payment: { id: LINK, url: 'https://paywall.imoje.pl/s/x' } }]);
});

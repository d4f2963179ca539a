/**
 * What the editor loads from the account: the shop list, the method and channel
 * dropdowns of the chosen shop, and a payer's saved cards, each through n8n's own
 * request helper (nock stands in for imoje), and imoje's errors shown as errors.
 */
import { BEARER_WORD, SHOP_ID } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { listSearch, loadOptions } from '../engine/loadOptions';

const OTHER_SHOP = 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7';
const limits = (min: number, max: number) => ({ minTransaction: { value: min }, maxTransaction: { value: max } });
const channel = (paymentMethod: string, paymentMethodCode: string, description: string, extra = {}) => ({
	paymentMethod, paymentMethodCode, description, currency: 'PLN', isActive: true, isOnline: true, transactionLimits: limits(100, 1000000), ...extra,
});
const shop = {
	service: {
		id: OTHER_SHOP,
		isActive: true,
		paymentMethods: [
			channel('blik', 'blik', 'BLIK'),
			channel('pbl', 'mtransfer', 'mTransfer (mBank)'),
			channel('pbl', 'ipko', 'PKO Bank Polski'),
			channel('pbl', 'ipko', 'PKO Bank Polski', { currency: 'EUR' }),
			channel('pbl', 'millennium', 'Millennium', { isActive: false }),
			channel('wt', 'wt', 'Traditional transfer', { isOnline: false }),
			channel('card', 'ecom3ds', 'Payment card', { currency: 'EUR' }),
		],
	},
};
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

beforeEach(resetImoje);

describe('Payment Method and Payment Channel dropdowns', () => {
	test('read the chosen shop, with the token, and offer only its active and online methods', async () => {
		const captured = imojeAnswers(200, shop);
		const options = await loadOptions('getPaymentMethods', { shop: fromList(OTHER_SHOP), currency: 'PLN' }, 'paymentMethod');
		expect(captured.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /v1/merchant/mrc6kc8xyz/service/${OTHER_SHOP}`]);
		expect(captured[0].headers.authorization).toBe(`Bearer ${BEARER_WORD}`);
		expect(options.map(({ value }) => value)).toEqual(['blik', 'pbl']);
		expect(options.map(({ name }) => name)).toEqual(['BLIK', 'Pay-by-Link (Bank Transfer)']);
	});

	test('the channel list follows the method, labelled by imoje\'s description with limits', async () => {
		imojeAnswers(200, shop);
		const options = await loadOptions('getPaymentChannels', { shop: fromList(OTHER_SHOP), paymentMethod: 'pbl', currency: 'PLN' });
		expect(options).toEqual([
			{ name: 'mTransfer (mBank)', value: 'mtransfer', description: 'mtransfer · PLN 1.00–10,000.00' },
			{ name: 'PKO Bank Polski', value: 'ipko', description: 'ipko · PLN 1.00–10,000.00' },
		]);
	});

	test('without a currency every currency of a channel is listed', async () => {
		imojeAnswers(200, shop);
		const options = await loadOptions('getPaymentChannels', { shop: fromList(OTHER_SHOP), paymentMethod: 'pbl', currency: '={{ $json.currency }}' });
		expect(options.find(({ value }) => value === 'ipko')?.description).toBe('ipko · PLN 1.00–10,000.00, EUR 1.00–10,000.00');
	});

	test('an empty shop reads the credential\'s shop', async () => {
		const captured = imojeAnswers(200, shop);
		await loadOptions('getPaymentChannels', { shop: fromList(''), paymentMethod: 'blik' });
		expect(captured[0].path).toBe(`/v1/merchant/mrc6kc8xyz/service/${SHOP_ID}`);
	});

	test('imoje\'s refusal reaches the dropdown with its code and message', async () => {
		imojeAnswers(404, { apiErrorResponse: { code: 'SRV-404', message: 'Service not found.' } });
		await expect(loadOptions('getPaymentMethods', { shop: fromList(OTHER_SHOP) }, 'paymentMethod')).rejects.toThrow(
			'imoje error SRV-404: Service not found.',
		);
	});
});

describe('Shop › From list', () => {
	const services = [
		{ service: { id: SHOP_ID, isActive: true, paymentMethods: [channel('blik', 'blik', 'BLIK'), channel('blik', 'blik', 'BLIK', { currency: 'EUR' })] } },
		{ service: { id: OTHER_SHOP, isActive: false, paymentMethods: shop.service.paymentMethods } },
	];

	test('lists the merchant\'s shops by ID, the credential\'s first and marked, state and the channels the dropdown offers', async () => {
		const captured = imojeAnswers(200, services);
		const { results } = await listSearch('searchShops', {});
		expect(captured[0].path).toBe('/v1/merchant/mrc6kc8xyz/services');
		expect(results).toEqual([
			{ name: `${SHOP_ID.slice(0, 8)}… · credential's shop · active · 1 channel`, value: SHOP_ID },
			{ name: `${OTHER_SHOP.slice(0, 8)}… · inactive · 4 channels`, value: OTHER_SHOP },
		]);
	});

	test('the search text filters the list', async () => {
		imojeAnswers(200, services);
		expect((await listSearch('searchShops', {}, 'inactive')).results.map(({ value }) => value)).toEqual([OTHER_SHOP]);
		// The label shows only the ID's first block; the search still finds the rest.
		expect((await listSearch('searchShops', {}, SHOP_ID.slice(-12))).results.map(({ value }) => value)).toEqual([SHOP_ID]);
	});
});

describe('Payment Profile › From list', () => {
	test('lists the saved cards of the payer typed in the search', async () => {
		const captured = imojeAnswers(200, {
			paymentProfiles: [
				{ id: '0c1c0c1c-0001-4000-8000-000000000001', organization: 'VISA', maskedNumber: '****1111', month: '12', year: '2029', isActive: 1, profile: 'ONE_CLICK' },
				{ id: '0c1c0c1c-0003-4000-8000-000000000003', organization: 'MASTERCARD', maskedNumber: '****4444', month: '01', year: '2028', isActive: 0, profile: 'RECURRING' },
			],
		});
		const { results } = await listSearch('searchPaymentProfiles', {}, ' cust-7 ');
		expect(captured[0].path).toBe('/v1/merchant/mrc6kc8xyz/profile/cid/cust-7');
		expect(results).toEqual([
			{ name: 'VISA · ****1111 · 12/2029 · OneClick', value: '0c1c0c1c-0001-4000-8000-000000000001' },
			{ name: 'MASTERCARD · ****4444 · 01/2028 · recurring · inactive', value: '0c1c0c1c-0003-4000-8000-000000000003' },
		]);
	});

	test('no search text asks nothing; a payer without cards is an empty list', async () => {
		const captured = imojeAnswers(404, { apiErrorResponse: { message: 'Payment profiles not found.' } });
		expect(await listSearch('searchPaymentProfiles', {}, '')).toEqual({ results: [] });
		expect(captured).toHaveLength(0);
		expect(await listSearch('searchPaymentProfiles', {}, 'nobody')).toEqual({ results: [] });
		expect(captured).toHaveLength(1);
	});
});

/**
 * Values reach imoje with the JSON type it documents: text as strings (a number from
 * an expression is sent as its text), amounts as integers; what cannot be converted is
 * refused with a message about the type. Blank optional values are left out, blank
 * required ones are "required", IDs are trimmed wherever they go. Named fields for what
 * imoje names (card, additionalData, installment.period) and the raw JSON hatch.
 */
import type { IDataObject } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { SHOP_ID, TEST_CREDENTIALS, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { paymentLink, transaction } from './parameters';

const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
const link = paymentLink;
const cardTransaction = (additionalFields: IDataObject) => transaction(additionalFields, { paymentMethod: 'card', paymentMethodCode: 'oneclick' });

beforeEach(resetImoje);

async function sent(parameters: IDataObject, items: IDataObject[] = [{}], credentials = TEST_CREDENTIALS) {
	resetImoje();
	const captured = imojeAnswers(200, { payment: { id: LINK }, transaction: { id: LINK } });
	const result = await runImoje({ parameters, items, credentials });
	expect(result.error).toBeUndefined();
	expect(captured).toHaveLength(1);
	return captured[0]?.body as IDataObject;
}

async function refused(parameters: IDataObject, items: IDataObject[] = [{}]) {
	resetImoje();
	const captured = imojeAnswers(200, {});
	const result = await runImoje({ parameters, items });
	expect(captured).toHaveLength(0);
	return result.error;
}

test('numbers from expressions in text fields are sent as text (orderId, phone, cid, BLIK code)', async () => {
	const body = await sent(
		{ ...cardTransaction({ customerPhone: '={{ $json.phone }}', customerCid: '={{ $json.cid }}', blikCode: '={{ $json.blik }}', clientIp: '203.0.113.7' }), orderId: '={{ $json.order }}' },
		[{ order: 42, phone: 48600700800, cid: 7, blik: 777123 }],
	);
	expect(body).toMatchObject({ orderId: '42', customer: { phone: '48600700800', cid: '7' }, blikCode: '777123' });
});

test('an object or a boolean in a text field is refused with a message about the type', async () => {
	const error = await refused({ ...link(), orderId: '={{ $json.order }}' }, [{ order: { id: 1 } }]);
	expect(error?.message).toBe('Invalid "Order ID": must be text, not an object');
	const flag = await refused(link({}, { title: '={{ true }}' }));
	expect(flag?.message).toBe('Invalid "Title": must be text, not a boolean');
});

test('blank optional values are left out, whether added empty or given by an expression', async () => {
	const body = await sent(
		link({}, {
			title: '', additionalDescription: '={{ "" }}', customerPhone: '={{ null }}', customerCompany: '   ',
			notificationUrl: '={{ $json.nothing }}', returnUrl: '',
			billing: { address: { firstName: 'Jan', lastName: 'Kowalski', street: '', city: '={{ "" }}' } },
		}),
	);
	expect(body).toEqual({
		serviceId: SHOP_ID, amount: 1000, currency: 'PLN', orderId: 'ORDER-1',
		customer: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
		billing: { firstName: 'Jan', lastName: 'Kowalski' },
	});
});

test('a required text that comes out empty says "is required", not a pattern message', async () => {
	const error = await refused({ ...link(), customerFirstName: '={{ $json.first }}' }, [{ first: '' }]);
	expect(error?.message).toBe('Invalid "Customer First Name": is required');
	const orderId = await refused({ ...link(), orderId: '={{ " " }}' });
	expect(orderId?.message).toBe('Invalid "Order ID": is required');
	const path = await refused({ resource: 'transaction', operation: 'get', transactionId: '={{ "" }}' });
	expect(path?.message).toBe('Invalid "Transaction ID": is required');
});

test('IDs are trimmed in bodies as in paths: Shop ID from the credential, payment link ID, profile ID, cid', async () => {
	const spaced = { ...TEST_CREDENTIALS, serviceId: ` ${SHOP_ID}\n` };
	const cancel = await sent({ resource: 'paymentLink', operation: 'cancel', paymentId: ` ${LINK} ` }, [{}], spaced);
	expect(cancel).toEqual({ serviceId: SHOP_ID, paymentId: LINK });
	const debit = await sent({ resource: 'paymentProfile', operation: 'debit', paymentProfileId: `${PROFILE} `, amount: 100, currency: 'PLN', orderId: 'A', additionalFields: { serviceId: ` ${SHOP_ID} ` } });
	expect(debit).toMatchObject({ serviceId: SHOP_ID, paymentProfileId: PROFILE });
	const cid = await sent(link({}, { customerCid: ' cust-7 ' }));
	expect(cid.customer).toMatchObject({ cid: 'cust-7' });
});

describe('named fields for what imoje names', () => {
	test('card and additionalData objects for a OneClick/recurring registration, installment.period', async () => {
		const body = await sent(cardTransaction({
			card: '{"holder": "Jan Kowalski"}',
			additionalData: { origin: 'n8n' },
			installmentPeriod: 6,
		}));
		expect(body).toMatchObject({ card: { holder: 'Jan Kowalski' }, additionalData: { origin: 'n8n' }, installment: { period: 6 } });
	});

	test('broken JSON in Card Data names the field', async () => {
		const error = await refused(cardTransaction({ card: '{"holder": ' }));
		expect(error?.message).toBe('Invalid "Card Data (JSON)": is not valid JSON');
	});

	test('multipayout on transaction create goes under data.multipayout', async () => {
		const body = await sent(cardTransaction({ multipayout: { payouts: [{ ban: '61109010140000071219812874', amount: '1000', label: 'Partner' }] } }));
		expect(body.multipayout).toBeUndefined();
		expect(body.data).toEqual({ multipayout: [{ ban: '61109010140000071219812874', amount: 1000, label: 'Partner' }] });
	});

	test('the Extra Body Fields hint uses only names imoje documents (no "oneclick")', () => {
		const hints = JSON.stringify(new Imoje().description.properties);
		expect(hints).not.toMatch(/oneclick"?\s*:|\\"oneclick\\"/i);
		expect(hints).toContain('{\\"installment\\": {\\"period\\": 3}}');
	});

	test('broken JSON in Extra Body Fields names the field and says it is not valid JSON', async () => {
		const error = await refused(link({}, { extraBody: '{"installment": {"period": 3}' }));
		expect(error?.message).toBe('Invalid "Extra Body Fields (JSON)": is not valid JSON');
		expect(error?.description).toBeTruthy();
	});
});

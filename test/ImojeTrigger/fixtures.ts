/**
 * Notifications for the trigger's tests, signed by the simulator's own signer (an
 * implementation separate from the one under test), with a change time of now so the
 * replay window lets them through unless a test says otherwise.
 */
import { sign } from '../../tools/imoje-sim';
import { MERCHANT_ID, SHOP_ID, SHOP_SIGNING_WORD } from '../engine/harness';
import type { TriggerServer } from '../engine/webhook';

export const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
export const LINK = '0f0cc3d0-aae8-410b-bf5c-358955c348e3';
export const PROFILE = '46f095b4-be6f-4ea0-8052-475ac8fbf218';
export const OTHER_SHOP = 'e2bb5020-a185-4f44-ba99-8f2aeb0e3be7';
/** The second shop's signing word (a test value). */
export const OTHER_SHOP_WORD = ['other', 'shop', '91cd'].join('_');

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A settled BLIK payment of 100.00 PLN through a payment link, as imoje notifies it. */
export function settledPayment(overrides: { id?: string; modified?: number; status?: string } = {}) {
	const modified = overrides.modified ?? nowSeconds();
	const status = overrides.status ?? 'settled';
	return {
		transaction: {
			id: overrides.id ?? TRX, type: 'sale', status, source: 'web', amount: 10000, currency: 'PLN', orderId: 'ORDER-7', paymentMethod: 'blik',
			paymentMethodCode: 'blik', modified, serviceId: SHOP_ID,
		},
		payment: { id: LINK, status, modified },
	};
}

/**
 * imoje's OneClick topic: the payer's first card payment, which saves the card, is notified
 * settled from the paywall (`source: "web"`) with the new profile in `transaction.paymentProfile`
 * (profile fields as in seed 03-profile-debit.txt).
 */
export function firstOneClickPayment() {
	const modified = nowSeconds();
	return {
		transaction: {
			id: TRX, type: 'sale', status: 'settled', source: 'web', amount: 4900, currency: 'PLN', orderId: 'ORDER-OC-1', paymentMethod: 'card',
			paymentMethodCode: 'oneclick', statusCode: 'CODE_000', statusCodeDescription: 'Transaction approved', modified, serviceId: SHOP_ID,
			customer: { firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', cid: 'payer-42' },
			paymentProfile: {
				id: PROFILE, merchantMid: MERCHANT_ID, merchantCustomerId: 'payer-42', firstName: 'John', lastName: 'Doe', maskedNumber: '****1111',
				month: '12', year: '2029', organization: 'VISA', isActive: 1, profile: 'ONE_CLICK',
			},
		},
		payment: { id: LINK, status: 'settled', modified },
	};
}

export function settledRefund() {
	return { transaction: { id: 'c0ffee00-3da8-4f9e-82e8-937c3286b1da', type: 'refund', status: 'settled', amount: 500, currency: 'PLN', orderId: 'ORDER-7', paymentMethod: 'blik', modified: nowSeconds() } };
}

export const signatureHeader = (
	raw: string,
	{ key = SHOP_SIGNING_WORD, shop = SHOP_ID, merchant = MERCHANT_ID, alg = 'sha256' }: { key?: string; shop?: string; merchant?: string; alg?: string } = {},
) => ({ 'X-Imoje-Signature': `merchantid=${merchant};serviceid=${shop};signature=${sign(raw, key, alg)};alg=${alg}` });

/** Posts a body signed as imoje would. */
export async function deliver(trigger: TriggerServer, body: object | string, signing: Parameters<typeof signatureHeader>[1] = {}) {
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	return await trigger.post(raw, signatureHeader(raw, signing));
}

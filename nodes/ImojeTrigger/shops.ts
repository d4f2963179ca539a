import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { parseSignatureHeader, verifyImojeSignature } from './signature';
import type { SignatureCheck, SignatureFailure } from './signature';

export interface ShopKey {
	shopId?: string;
	shopKey?: string;
}

interface TriggerCredential {
	merchantId?: string;
	serviceId?: string;
	shopSecretKey?: string;
}

type VerificationFailure = SignatureFailure | 'no-shop-key' | 'merchant-mismatch' | 'unknown-shop';
type Verification = SignatureCheck | { valid: false; reason: VerificationFailure };

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * Verifies a notification against the shop it names. The shop key is per shop, so another
 * shop's notification is signed with that shop's key (docs/imoje-api.md#notifications); imoje's
 * own plugin checks the shop id before trusting a notification. The credential's shop answers
 * for any shop id when the credential has no Shop ID.
 */
function verifyForShops(rawBody: Buffer, header: string | string[] | undefined, credential: TriggerCredential, extraShops: ShopKey[]): Verification {
	if (!credential.shopSecretKey && extraShops.length === 0) return { valid: false, reason: 'no-shop-key' };
	const parsed = parseSignatureHeader(header);
	const extra = parsed && extraShops.find((shop) => same(shop.shopId, parsed.serviceId));
	let shopKey = credential.shopSecretKey;
	let serviceId = credential.serviceId;
	if (extra) {
		shopKey = extra.shopKey;
		serviceId = extra.shopId;
	} else if (parsed && (credential.serviceId ?? '').trim() !== '' && !same(credential.serviceId, parsed.serviceId)) {
		return { valid: false, reason: extraShops.length > 0 ? 'unknown-shop' : 'wrong-shop' };
	}
	const check = verifyImojeSignature({ rawBody, header, shopKey, serviceId });
	// After the signature, so nobody learns the merchant id by probing.
	if (check.valid && (credential.merchantId ?? '').trim() !== '' && !same(credential.merchantId, check.merchantId)) {
		return { valid: false, reason: 'merchant-mismatch' };
	}
	return check;
}

/**
 * Credentials read by production requests, by credential id, for CREDENTIAL_REUSE_MS. In the
 * webhook phase n8n resolves a credential in an expression isolate of its own
 * (CredentialsHelper.applyDefaultsAndOverwrites), on top of the one the request already holds:
 * read per request, it cost every notification a third isolate. A notification that fails
 * against a kept credential is checked again against a fresh read, so a changed Shop key or
 * Shop ID applies to the next notification; only the former key stays accepted for at most
 * that long after a change.
 */
const CREDENTIAL_REUSE_MS = 10_000;
const kept = new Map<string, { credential: TriggerCredential; readAt: number }>();

/** What the user reads in the 401 body, the log and the editor. Never a key. */
export const FAILURE_TEXT: Record<VerificationFailure, string> = {
	'no-shop-key': 'the imoje credential has no Shop key, so notifications cannot be verified',
	'missing-header': 'signature check failed: missing-header (no X-Imoje-Signature header)',
	'malformed-header': 'signature check failed: malformed-header',
	'unsupported-algorithm': 'signature check failed: unsupported-algorithm',
	'missing-shop-key': 'signature check failed: missing-shop-key (no Shop key for this shop)',
	'wrong-shop': "signature check failed: wrong-shop (the notification's serviceid is not the credential's Shop ID)",
	'unknown-shop': "signature check failed: wrong-shop (the notification's serviceid is neither the credential's Shop ID nor one of the trigger's Other Shops)",
	'bad-signature': 'signature check failed: bad-signature',
	'merchant-mismatch': "merchant check failed: the signature header's merchantid is not the credential's Merchant ID",
};

/**
 * Checks the request's X-Imoje-Signature against the credential's shop or one of Other Shops
 * (imoje's signature: https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md).
 */
export async function verifyRequest(context: IWebhookFunctions, rawBody: Buffer, otherShops: ShopKey[]): Promise<Verification> {
	const header = context.getRequestObject().headers['x-imoje-signature'];
	const credentialId = context.getNode().credentials?.imojeApi?.id;
	// The Test URL always reads the credential: a user who just fixed it sees the result at once.
	const reuse = credentialId && context.getMode() !== 'manual' ? kept.get(credentialId) : undefined;
	if (reuse && Date.now() - reuse.readAt < CREDENTIAL_REUSE_MS) {
		const check = verifyForShops(rawBody, header, reuse.credential, otherShops);
		if (check.valid) return check;
	}
	const credential = await context.getCredentials<TriggerCredential>('imojeApi');
	if (credentialId) kept.set(credentialId, { credential, readAt: Date.now() });
	return verifyForShops(rawBody, header, credential, otherShops);
}

/** A request's body once its signature is checked: the parsed JSON, or why it is refused (HTTP code and text). */
export type SignedBody = { body: unknown; refused?: undefined } | { refused: { code: number; reason: string } };

/** Checks a request's signature over the bytes as received, then reads them as JSON. */
export async function readSignedBody(context: IWebhookFunctions, otherShops: ShopKey[]): Promise<SignedBody> {
	const rawBody = context.getRequestObject().rawBody ?? Buffer.alloc(0);
	const check = await verifyRequest(context, rawBody, otherShops);
	if (!check.valid) return { refused: { code: 401, reason: FAILURE_TEXT[check.reason] } };
	try {
		return { body: JSON.parse(rawBody.toString('utf8')) as unknown };
	} catch {
		return { refused: { code: 400, reason: 'the body is not JSON' } };
	}
}

/** Webhook methods for a webhook imoje is told about elsewhere (the panel, or a payment's notificationUrl). */
export const nothingToRegister = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};

import { parseSignatureHeader, verifyImojeSignature } from './signature';
import type { SignatureCheck, SignatureFailure } from './signature';

export interface ShopKey {
	shopId?: string;
	shopKey?: string;
}

export interface TriggerCredential {
	merchantId?: string;
	serviceId?: string;
	shopSecretKey?: string;
}

export type Verification = SignatureCheck | { valid: false; reason: 'merchant-mismatch' | 'unknown-shop' };
export type VerificationFailure = SignatureFailure | 'merchant-mismatch' | 'unknown-shop';

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * Verifies a notification against the shop it names. The shop key is per shop, so another
 * shop's notification is signed with that shop's key (API.md Corrections); imoje's own plugin
 * checks the shop id before trusting a notification (payment-core src/Notification.php,
 * NC_SERVICE_ID_NOT_MATCH, WordPressBugBounty/plugins-imoje). The credential's shop answers for
 * any shop id when it has no Shop ID, as before several shops were possible.
 */
export function verifyForShops(input: {
	rawBody: Buffer;
	header: string | string[] | undefined;
	credential: TriggerCredential;
	extraShops: ShopKey[];
}): Verification {
	const { credential } = input;
	const parsed = parseSignatureHeader(input.header);
	const extra = parsed && input.extraShops.find((shop) => shop.shopId && same(shop.shopId, parsed.serviceId));
	let shopKey = credential.shopSecretKey;
	let serviceId = credential.serviceId;
	if (extra) {
		shopKey = extra.shopKey;
		serviceId = extra.shopId;
	} else if (parsed && (credential.serviceId ?? '').trim() !== '' && !same(credential.serviceId, parsed.serviceId)) {
		return { valid: false, reason: input.extraShops.length > 0 ? 'unknown-shop' : 'wrong-shop' };
	}
	const check = verifyImojeSignature({ rawBody: input.rawBody, header: input.header, shopKey, serviceId });
	// After the signature, so nobody learns the merchant id by probing.
	if (check.valid && (credential.merchantId ?? '').trim() !== '' && !same(credential.merchantId, check.merchantId)) {
		return { valid: false, reason: 'merchant-mismatch' };
	}
	return check;
}

/** What the user reads in the 401 body, the log and the editor. Never a key. */
export const FAILURE_TEXT: Record<VerificationFailure, string> = {
	'missing-header': 'signature check failed: missing-header (no X-Imoje-Signature header)',
	'malformed-header': 'signature check failed: malformed-header',
	'unsupported-algorithm': 'signature check failed: unsupported-algorithm',
	'missing-shop-key': 'signature check failed: missing-shop-key (no Shop key for this shop)',
	'wrong-shop': "signature check failed: wrong-shop (the notification's serviceid is not the credential's Shop ID)",
	'unknown-shop': "signature check failed: wrong-shop (the notification's serviceid is neither the credential's Shop ID nor one of the trigger's Other Shops)",
	'bad-signature': 'signature check failed: bad-signature',
	'merchant-mismatch': "merchant check failed: the signature header's merchantid is not the credential's Merchant ID",
};

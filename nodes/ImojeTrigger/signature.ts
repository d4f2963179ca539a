import { createHash, timingSafeEqual } from 'node:crypto';

// Only what imoje documents; md5/sha1 are never accepted, even if a sender asks for them.
export const SUPPORTED_ALGORITHMS = ['sha224', 'sha256', 'sha384', 'sha512'] as const;
type Algorithm = (typeof SUPPORTED_ALGORITHMS)[number];

const HEADER_PARTS = ['merchantid', 'serviceid', 'signature', 'alg'];
const HEX_LENGTH: Record<Algorithm, number> = { sha224: 56, sha256: 64, sha384: 96, sha512: 128 };

export interface ParsedSignature {
	merchantId: string;
	serviceId: string;
	signature: string;
	alg: string;
}

export type SignatureFailure =
	| 'missing-header'
	| 'malformed-header'
	| 'unsupported-algorithm'
	| 'missing-shop-key'
	| 'wrong-shop'
	| 'bad-signature';

export type SignatureCheck =
	| { valid: true; merchantId: string; serviceId: string; alg: string }
	| { valid: false; reason: SignatureFailure };

// A proxy may duplicate the header; the first copy is the one imoje sent.
function firstHeader(header: unknown): string | undefined {
	const raw = Array.isArray(header) ? header[0] : header;
	return typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
}

export function parseSignatureHeader(
	header: string | string[] | undefined,
): ParsedSignature | undefined {
	const raw = firstHeader(header);
	if (raw === undefined) return undefined;
	// A Map, not an object: a part named `__proto__` must stay plain data.
	const parts = new Map<string, string>();
	for (const part of raw.split(';')) {
		const eq = part.indexOf('=');
		const key = part.slice(0, eq).trim().toLowerCase();
		const value = part.slice(eq + 1).trim();
		// The first copy of a key wins, so a repeated part cannot override what came before.
		if (eq > 0 && !parts.has(key)) parts.set(key, value);
	}
	const [merchantId, serviceId, signature, alg] = HEADER_PARTS.map((k) => parts.get(k));
	// An empty value (`alg=`) counts as a missing part.
	if (!merchantId || !serviceId || !signature || !alg) return undefined;
	return { merchantId, serviceId, signature, alg: alg.toLowerCase() };
}

function isSupported(alg: string): alg is Algorithm {
	return (SUPPORTED_ALGORITHMS as readonly string[]).includes(alg);
}

export function verifyImojeSignature(input: {
	rawBody: Buffer | string;
	header: string | string[] | undefined;
	shopKey: string | undefined;
	serviceId?: string;
}): SignatureCheck {
	const fail = (reason: SignatureFailure): SignatureCheck => ({ valid: false, reason });
	// The trigger answers on the strength of this result, so no input may make it throw.
	try {
		if (firstHeader(input.header) === undefined) return fail('missing-header');
		const parsed = parseSignatureHeader(input.header);
		if (!parsed) return fail('malformed-header');
		if (!isSupported(parsed.alg)) return fail('unsupported-algorithm');
		// The hash is unkeyed apart from this secret: with a blank key anyone can forge a signature.
		if (typeof input.shopKey !== 'string' || input.shopKey.trim() === '')
			return fail('missing-shop-key');
		const expectedShop = typeof input.serviceId === 'string' ? input.serviceId.trim() : '';
		if (expectedShop !== '' && expectedShop.toLowerCase() !== parsed.serviceId.toLowerCase()) {
			return fail('wrong-shop');
		}
		// Buffer.from(hex) silently stops at the first bad digit, so check the text first.
		const hex = parsed.signature;
		if (hex.length !== HEX_LENGTH[parsed.alg] || !/^[0-9a-f]+$/i.test(hex))
			return fail('bad-signature');
		// Hash the bytes as received: re-serialised JSON would not match what imoje signed.
		const { rawBody } = input;
		if (!Buffer.isBuffer(rawBody) && typeof rawBody !== 'string') return fail('bad-signature');
		const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
		const expected = createHash(parsed.alg).update(body).update(input.shopKey, 'utf8').digest();
		if (!timingSafeEqual(expected, Buffer.from(hex, 'hex'))) return fail('bad-signature');
		const { merchantId, serviceId, alg } = parsed;
		return { valid: true, merchantId, serviceId, alg };
	} catch {
		return fail('bad-signature');
	}
}

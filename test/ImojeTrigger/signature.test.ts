import {
	parseSignatureHeader,
	SUPPORTED_ALGORITHMS,
	verifyImojeSignature,
} from '../../nodes/ImojeTrigger/signature';

/*
 * Expected signatures were computed once, independently of node:crypto and of the
 * code under test, with OpenSSL 3 in a C.UTF-8 shell:
 *
 *   K='s3cr3t-Shop-Key'
 *   B='{"transaction":{"id":"tr-1","status":"settled","amount":1000},"payment":{"id":"p-1"}}'
 *   B2='{"transaction":{"id":"tr-2","status":"settled","amount":1000},"payment":{"id":"p-1"}}'
 *   P='{"title":"Zażółć gęślą jaźń","amount":1234}'
 *   printf '%s' "$B$K" | openssl dgst -sha224 -r     (likewise -sha256 -sha384 -sha512 -md5 -sha1)
 *   printf '%s' "$B2$K" | openssl dgst -sha256 -r
 *   printf '%s' "$P$K" | openssl dgst -sha256 -r
 *   printf '%s' "${B}klucz-ŻÓŁW" | openssl dgst -sha256 -r
 */
const KEY = 's3cr3t-Shop-Key';
const BODY =
	'{"transaction":{"id":"tr-1","status":"settled","amount":1000},"payment":{"id":"p-1"}}';
const OTHER_BODY =
	'{"transaction":{"id":"tr-2","status":"settled","amount":1000},"payment":{"id":"p-1"}}';
const POLISH_BODY = '{"title":"Zażółć gęślą jaźń","amount":1234}';
const POLISH_KEY = 'klucz-ŻÓŁW';

const SIG = {
	sha224: 'e4f750f0efaf3ca259b4ccf9ad0b489093e870ef82f9444f834bbf9c',
	sha256: '6d3a6be8705bd46ea8301b94c793afef2c65dbaa9d0a271b5eaa0d14585b5506',
	sha384:
		'fdde0d0331fefa3b170298e9ba65a59261b7777d8b816bb8081a7a5eba5320763e1e462be424f394b7a7fef565bf7182',
	sha512:
		'413b7a2420d8caaacf1a148ced532f2ac22c0cde84125fe4f93a54f8aa6c6059902da6f0c739275ba38c714f309a0dee005645fa248c7a706b4b6567abb94b76',
	md5: 'd08531c89eef94662f70355793a859d0',
	sha1: 'bb4965d765979b8c1db016bfe3f5410a3ab14c08',
};
const OTHER_BODY_SHA256 = 'dbb9a119a1946f88eff532f9d9b7e7ab867bc9d3790f1d92fa910637f9986ecb';
const POLISH_BODY_SHA256 = 'dcef9355872b2b33bb998931f1e5f0eca1c4f477ca2886a8ccd03e970116aa50';
const POLISH_SHOP_SHA256 = '68c1a963516320c59c333ff7907952db9e7aa40081aecd1266e9716180c1ef6e';

const header = (signature: string, alg = 'sha256') =>
	`merchantid=m-42;serviceid=svc-7;signature=${signature};alg=${alg}`;
const bodyBuf = Buffer.from(BODY, 'utf8');
const VALID = {
	valid: true,
	merchantId: 'm-42',
	serviceId: 'svc-7',
	alg: 'sha256',
};

describe('verifyImojeSignature: valid signatures', () => {
	it.each(['sha224', 'sha256', 'sha384', 'sha512'] as const)('accepts %s', (alg) => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG[alg], alg),
				shopKey: KEY,
			}),
		).toEqual({
			valid: true,
			merchantId: 'm-42',
			serviceId: 'svc-7',
			alg,
		});
	});

	it('accepts the same body given as a string', () => {
		expect(
			verifyImojeSignature({
				rawBody: BODY,
				header: header(SIG.sha256),
				shopKey: KEY,
			}),
		).toEqual(VALID);
	});

	it('hashes non-ASCII bodies as their UTF-8 bytes (Buffer)', () => {
		const rawBody = Buffer.from(POLISH_BODY, 'utf8');
		expect(
			verifyImojeSignature({
				rawBody,
				header: header(POLISH_BODY_SHA256),
				shopKey: KEY,
			}),
		).toEqual(VALID);
	});

	it('hashes a non-ASCII body given as a string as UTF-8', () => {
		expect(
			verifyImojeSignature({
				rawBody: POLISH_BODY,
				header: header(POLISH_BODY_SHA256),
				shopKey: KEY,
			}),
		).toEqual(VALID);
	});

	it('rejects the Polish body when its bytes are read as latin1 instead of UTF-8', () => {
		const rawBody = Buffer.from(POLISH_BODY, 'latin1');
		expect(
			verifyImojeSignature({
				rawBody,
				header: header(POLISH_BODY_SHA256),
				shopKey: KEY,
			}),
		).toEqual({
			valid: false,
			reason: 'bad-signature',
		});
	});

	it('appends a non-ASCII shop key as UTF-8', () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(POLISH_SHOP_SHA256),
				shopKey: POLISH_KEY,
			}),
		).toEqual(VALID);
	});

	it('accepts an upper-case hex signature', () => {
		const h = header(SIG.sha256.toUpperCase());
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual(VALID);
	});

	it('accepts an upper-case algorithm name and reports it lower-cased', () => {
		const h = header(SIG.sha256, 'SHA256');
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual(VALID);
	});
});

describe('verifyImojeSignature: header syntax', () => {
	it.each([
		[
			'spaces around ; and =',
			`merchantid = m-42 ; serviceid= svc-7 ;  signature =${SIG.sha256} ; alg = sha256`,
		],
		['mixed key case', `MerchantId=m-42;ServiceID=svc-7;SIGNATURE=${SIG.sha256};Alg=sha256`],
		[
			'parts in another order',
			`alg=sha256;signature=${SIG.sha256};serviceid=svc-7;merchantid=m-42`,
		],
		['a trailing semicolon', `${header(SIG.sha256)};`],
	])('accepts %s', (_name, h) => {
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual(VALID);
	});

	it('uses the first element of a duplicated (array) header', () => {
		const h = [header(SIG.sha256), header(OTHER_BODY_SHA256)];
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual(VALID);
	});

	it('does not fall through to a later array element when the first is wrong', () => {
		const h = [header(OTHER_BODY_SHA256), header(SIG.sha256)];
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual({
			valid: false,
			reason: 'bad-signature',
		});
	});

	it.each([
		['undefined', undefined],
		['an empty string', ''],
		['whitespace only', '   '],
		['an empty array', []],
	])('reports missing-header for %s', (_name, h) => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: h as string | string[] | undefined,
				shopKey: KEY,
			}),
		).toEqual({ valid: false, reason: 'missing-header' });
	});

	it.each([
		['merchantid', `serviceid=svc-7;signature=${SIG.sha256};alg=sha256`],
		['serviceid', `merchantid=m-42;signature=${SIG.sha256};alg=sha256`],
		['signature', 'merchantid=m-42;serviceid=svc-7;alg=sha256'],
		['alg', `merchantid=m-42;serviceid=svc-7;signature=${SIG.sha256}`],
		['everything (garbage)', 'not a signature header'],
		['a value (empty signature=)', 'merchantid=m-42;serviceid=svc-7;signature=;alg=sha256'],
		['a value (empty alg=)', `merchantid=m-42;serviceid=svc-7;signature=${SIG.sha256};alg=`],
	])('reports malformed-header when %s is missing', (_name, h) => {
		expect(verifyImojeSignature({ rawBody: bodyBuf, header: h, shopKey: KEY })).toEqual({
			valid: false,
			reason: 'malformed-header',
		});
	});
});

describe('verifyImojeSignature: rejections', () => {
	const reject = (reason: string) => ({ valid: false, reason });

	// These are real md5/sha1 signatures of BODY+KEY: a fallback to createHash(alg) would accept them.
	it.each([
		['md5', SIG.md5],
		['sha1', SIG.sha1],
		['MD5', SIG.md5],
		['sha3-256', SIG.sha256],
	])('rejects algorithm %s', (alg, sig) => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(sig, alg),
				shopKey: KEY,
			}),
		).toEqual(reject('unsupported-algorithm'));
	});

	it('rejects a signature made with another key', () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG.sha256),
				shopKey: 'another-key',
			}),
		).toEqual(reject('bad-signature'));
	});

	it('rejects a body with one byte changed', () => {
		const tampered = Buffer.from(bodyBuf);
		tampered[tampered.indexOf('1000')] = '9'.charCodeAt(0);
		expect(
			verifyImojeSignature({
				rawBody: tampered,
				header: header(SIG.sha256),
				shopKey: KEY,
			}),
		).toEqual(reject('bad-signature'));
	});

	it("rejects another body's valid signature", () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(OTHER_BODY_SHA256),
				shopKey: KEY,
			}),
		).toEqual(reject('bad-signature'));
		// ...and that signature does verify its own body, so the rejection above is meaningful.
		expect(
			verifyImojeSignature({
				rawBody: OTHER_BODY,
				header: header(OTHER_BODY_SHA256),
				shopKey: KEY,
			}),
		).toEqual(VALID);
	});

	it('rejects a signature for another shop', () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG.sha256),
				shopKey: KEY,
				serviceId: 'svc-8',
			}),
		).toEqual(reject('wrong-shop'));
	});

	it('accepts the matching shop regardless of case and surrounding spaces', () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG.sha256),
				shopKey: KEY,
				serviceId: ' SVC-7 ',
			}),
		).toEqual(VALID);
	});

	it('does not check the shop when serviceId is blank', () => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG.sha256),
				shopKey: KEY,
				serviceId: '',
			}),
		).toEqual(VALID);
	});

	it.each([
		['empty', ''],
		['whitespace only', '  '],
		['undefined', undefined],
	])('rejects an %s shop key', (_name, shopKey) => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(SIG.sha256),
				shopKey,
			}),
		).toEqual(reject('missing-shop-key'));
	});

	it.each([
		['too short (truncated)', SIG.sha256.slice(0, -2)],
		['too long (extra byte)', `${SIG.sha256}00`],
		['odd length', SIG.sha256.slice(0, -1)],
		['a sha256 length under alg=sha512', SIG.sha256, 'sha512'],
	])('rejects a signature that is %s', (_name, sig, alg = 'sha256') => {
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(sig, alg),
				shopKey: KEY,
			}),
		).toEqual(reject('bad-signature'));
	});

	it('rejects a non-hex signature of the right length', () => {
		// Buffer.from(hex) would silently stop at 'z'; the right-length prefix must not help.
		const sig = `${SIG.sha256.slice(0, 62)}zz`;
		expect(
			verifyImojeSignature({
				rawBody: bodyBuf,
				header: header(sig),
				shopKey: KEY,
			}),
		).toEqual(reject('bad-signature'));
	});

	it('never throws on nonsense input', () => {
		const weird = [null, 42, {}, [42], Symbol('x')] as unknown[];
		for (const value of weird) {
			expect(
				verifyImojeSignature({
					rawBody: value as Buffer,
					header: value as string,
					shopKey: value as string,
				}),
			).toMatchObject({ valid: false });
			expect(
				verifyImojeSignature({
					rawBody: value as Buffer,
					header: header(SIG.sha256),
					shopKey: KEY,
				}),
			).toEqual(reject('bad-signature'));
		}
	});
	it('never throws even when reading the input itself throws', () => {
		const hostile = {
			rawBody: bodyBuf,
			get header(): string {
				throw new Error('boom');
			},
			shopKey: KEY,
		};
		expect(verifyImojeSignature(hostile)).toEqual(reject('bad-signature'));
	});
});

describe('parseSignatureHeader', () => {
	it('returns the four parts, alg lower-cased and signature as given', () => {
		const sig = SIG.sha256.toUpperCase();
		expect(
			parseSignatureHeader(` MerchantId = m-42 ; ServiceId=svc-7;signature=${sig};ALG=SHA256; `),
		).toEqual({
			merchantId: 'm-42',
			serviceId: 'svc-7',
			signature: sig,
			alg: 'sha256',
		});
	});

	it.each([
		['undefined', undefined],
		['empty', ''],
		['an empty array', []],
		['missing alg', 'merchantid=m-42;serviceid=svc-7;signature=ab'],
	])('returns undefined for %s', (_name, h) => {
		expect(parseSignatureHeader(h as string | string[] | undefined)).toBeUndefined();
	});
});

it('exports exactly the four documented algorithms', () => {
	expect([...SUPPORTED_ALGORITHMS]).toEqual(['sha224', 'sha256', 'sha384', 'sha512']);
});

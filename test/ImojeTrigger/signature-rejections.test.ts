import { verifyImojeSignature } from '../../nodes/ImojeTrigger/signature';
import { KEY, OTHER_BODY, SIG, OTHER_BODY_SHA256, header, bodyBuf, VALID } from './signature-fixtures';

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

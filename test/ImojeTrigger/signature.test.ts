import {
	parseSignatureHeader,
	SUPPORTED_ALGORITHMS,
	verifyImojeSignature,
} from '../../nodes/ImojeTrigger/signature';
import { KEY, BODY, POLISH_BODY, POLISH_KEY, SIG, OTHER_BODY_SHA256, POLISH_BODY_SHA256, POLISH_SHOP_SHA256, header, bodyBuf, VALID } from './signature-fixtures';

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

/** Signed bodies for the signature tests, with expected signatures computed outside Node. */
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
export const KEY = 's3cr3t-Shop-Key';
export const BODY =
	'{"transaction":{"id":"tr-1","status":"settled","amount":1000},"payment":{"id":"p-1"}}';
export const OTHER_BODY =
	'{"transaction":{"id":"tr-2","status":"settled","amount":1000},"payment":{"id":"p-1"}}';
export const POLISH_BODY = '{"title":"Zażółć gęślą jaźń","amount":1234}';
export const POLISH_KEY = 'klucz-ŻÓŁW';

export const SIG = {
	sha224: 'e4f750f0efaf3ca259b4ccf9ad0b489093e870ef82f9444f834bbf9c',
	sha256: '6d3a6be8705bd46ea8301b94c793afef2c65dbaa9d0a271b5eaa0d14585b5506',
	sha384:
		'fdde0d0331fefa3b170298e9ba65a59261b7777d8b816bb8081a7a5eba5320763e1e462be424f394b7a7fef565bf7182',
	sha512:
		'413b7a2420d8caaacf1a148ced532f2ac22c0cde84125fe4f93a54f8aa6c6059902da6f0c739275ba38c714f309a0dee005645fa248c7a706b4b6567abb94b76',
	md5: 'd08531c89eef94662f70355793a859d0',
	sha1: 'bb4965d765979b8c1db016bfe3f5410a3ab14c08',
};
export const OTHER_BODY_SHA256 = 'dbb9a119a1946f88eff532f9d9b7e7ab867bc9d3790f1d92fa910637f9986ecb';
export const POLISH_BODY_SHA256 = 'dcef9355872b2b33bb998931f1e5f0eca1c4f477ca2886a8ccd03e970116aa50';
export const POLISH_SHOP_SHA256 = '68c1a963516320c59c333ff7907952db9e7aa40081aecd1266e9716180c1ef6e';

export const header = (signature: string, alg = 'sha256') =>
	`merchantid=m-42;serviceid=svc-7;signature=${signature};alg=${alg}`;
export const bodyBuf = Buffer.from(BODY, 'utf8');
export const VALID = {
	valid: true,
	merchantId: 'm-42',
	serviceId: 'svc-7',
	alg: 'sha256',
};


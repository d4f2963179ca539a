// (3) The trigger's signature check (dist/nodes/ImojeTrigger/signature.js: header parsing,
// checks, sha256 and a constant-time compare) against a bare node:crypto sha256 of the
// same bodies with the key appended. In process, no n8n.
const crypto = require('node:crypto');
const path = require('node:path');
const { signedNotification } = require('./notifications');
const { fmt } = require('./stats');

function opsPerSecond(fn, inputs, minMs) {
	let ops = 0;
	const start = process.hrtime.bigint();
	let elapsed = 0;
	while (elapsed < minMs) {
		for (const input of inputs) fn(input);
		ops += inputs.length;
		elapsed = Number(process.hrtime.bigint() - start) / 1e6;
	}
	return (ops / elapsed) * 1000;
}

function benchSignature({ bodies = 1000, ms = 1500 } = {}) {
	const { verifyImojeSignature } = require(path.join(__dirname, '..', '..', 'dist', 'nodes', 'ImojeTrigger', 'signature.js'));
	const key = 'bench-shop-key-0123456789';
	const ids = { merchantId: 'mrcbench0001', serviceId: '63f2c5a0-2b1e-4f7e-9d35-7c1a2b3c4d5e', shopKey: key };
	const inputs = Array.from({ length: bodies }, (_, i) => {
		const n = signedNotification(i, ids);
		return { raw: Buffer.from(n.body), header: n.header };
	});
	for (const input of inputs) {
		const check = verifyImojeSignature({ rawBody: input.raw, header: input.header, shopKey: key, serviceId: ids.serviceId });
		if (!check.valid) throw new Error(`signature check refused a valid notification: ${check.reason}`);
	}
	const ours = (input) => verifyImojeSignature({ rawBody: input.raw, header: input.header, shopKey: key, serviceId: ids.serviceId });
	const bare = (input) => crypto.createHash('sha256').update(input.raw).update(key).digest('hex');
	// Warm both up, then measure alternately.
	opsPerSecond(ours, inputs, 200);
	opsPerSecond(bare, inputs, 200);
	const a = opsPerSecond(ours, inputs, ms);
	const b = opsPerSecond(bare, inputs, ms);
	console.log(`\n(3) Signature check vs bare sha256, ${fmt(bodies)} distinct bodies of ~${inputs[0].raw.length} bytes`);
	console.log(`  verifyImojeSignature   ${fmt(a).padStart(9)} ops/s`);
	console.log(`  node:crypto sha256     ${fmt(b).padStart(9)} ops/s`);
	console.log(`  ratio (check / bare hash, ops/s): ${(a / b).toFixed(2)}x`);
}

module.exports = { benchSignature };

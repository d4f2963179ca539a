// (4) What `npm pack` would publish: tarball size, unpacked size, file count.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { fmt } = require('./stats');

function benchSize() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: path.join(__dirname, '..', '..'),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [pack] = JSON.parse(out.slice(out.indexOf('[')));
	console.log(`\n(4) Packed size (npm pack --dry-run --json)`);
	console.log(`  tarball ${fmt(pack.size)} bytes (${(pack.size / 1024).toFixed(1)} KB), unpacked ${fmt(pack.unpackedSize)} bytes, ${pack.entryCount} files`);
}

module.exports = { benchSize };

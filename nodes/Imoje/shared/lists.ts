import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { registerList } from './bodyPaths';

/**
 * A repeating group (cart items, invoice positions, multipayout) sent to `list` in the
 * body. The fixedCollection sends its whole value at once (`routing(group)`) and
 * prepareRequest turns it into imoje's array (see shapeBody): one step per item instead
 * of an expression per field and element. A field name with a dot (`discount.amount`)
 * lands nested; `optional` fields are left out when empty ('' or 0).
 */
export function listElement(list: string) {
	const paths = new Map<string, string>();
	const optionalNames = new Set<string>();
	const define = (displayName: string, name: string, required: boolean, extra: Partial<INodeProperties>): INodeProperties => {
		const parameter = name.replace('.', '_');
		if (parameter !== name) paths.set(parameter, name);
		if (!required) optionalNames.add(parameter);
		return { displayName, name: parameter, type: 'string', required, default: '', ...extra };
	};
	return {
		field: (displayName: string, name: string, extra: Partial<INodeProperties> = {}) => define(displayName, name, true, extra),
		optional: (displayName: string, name: string, extra: Partial<INodeProperties> = {}) => define(displayName, name, false, extra),
		/** Routing for the fixedCollection whose option `group` holds the elements. */
		routing: (group: string): INodePropertyRouting => {
			registerList(list, { group, paths, optional: optionalNames });
			return { send: { type: 'body', property: list } };
		},
	};
}

/**
 * An amount inside a list, as text like the main Amount (no rounding, no "1,250"),
 * written in the unit chosen in "Amounts In" and converted by normalizeBody.
 */
export const amountText = (description: string): Partial<INodeProperties> => ({
	type: 'string',
	default: '',
	description: `${description} Written as chosen in "Amounts In".`,
});

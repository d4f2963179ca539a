import type { IDataObject } from 'n8n-workflow';

import { isObject } from './output';

/** A field's problem, with the label users see in the node. */
export interface Problem {
	field: string;
	problem: string;
}

/** One value found at a body path: the object holding it, its key, and its 1-based list index. */
export interface Slot {
	holder: IDataObject;
	key: string;
	index?: number;
}

/** Each path's segments, split once: every item walks some 150 paths (normalize, validation). */
const splitPaths = new Map<string, string[]>();

/** Every slot a path names; `[]` fans out over an array. Keys need not exist yet. */
export function slotsAt(body: IDataObject, path: string): Slot[] {
	let split = splitPaths.get(path);
	if (!split) splitPaths.set(path, (split = path.split('.')));
	// Most listed paths are absent from a body (no cart, no invoice): stop at the first key.
	if (split.length > 1 && !(split[0].replace('[]', '') in body)) return [];
	const segments = split.slice(0, -1);
	const last = split[split.length - 1];
	let found: Array<{ value: unknown; index?: number }> = [{ value: body }];
	for (const segment of segments) {
		const key = segment.replace('[]', '');
		found = found.flatMap(({ value, index }): Array<{ value: unknown; index?: number }> => {
			if (!isObject(value) || !(key in value)) return [];
			const next = value[key];
			if (!segment.endsWith('[]')) return [{ value: next, index }];
			return Array.isArray(next) ? next.map((element, i) => ({ value: element as unknown, index: i + 1 })) : [];
		});
	}
	const key = last.replace('[]', '');
	return found.flatMap(({ value, index }): Slot[] => {
		if (!isObject(value)) return [];
		if (!last.endsWith('[]')) return [{ holder: value, key, index }];
		const list = value[key];
		return Array.isArray(list)
			? list.map((_element, i) => ({ holder: list as unknown as IDataObject, key: String(i), index: i + 1 }))
			: [];
	});
}

/** The values present at a path. */
export const valuesAt = (body: IDataObject, path: string) =>
	slotsAt(body, path)
		.filter(({ holder, key }) => key in holder)
		.map(({ holder, key, index }) => ({ value: holder[key] as unknown, index }));

export const labelled = (label: string, index?: number) => (index ? `${label} (item ${index})` : label);

export function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(source)) {
		target[key] = isObject(value) && isObject(target[key]) ? deepMerge({ ...(target[key] as IDataObject) }, value) : value;
	}
	return target;
}

/**
 * Leaves out what a user did not fill in: blank text, `null` and `undefined` (optional
 * fields left empty, or an expression that gave nothing), and objects left with nothing
 * in them (a cart item's `discount` with neither amount nor tax). `validTo: null` is
 * imoje's "never expires" and is set later, by the Never Expires hook.
 */
export function prune(body: IDataObject): IDataObject {
	const empty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	const pruneValue = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(pruneValue);
		if (!isObject(value)) return empty(value) ? undefined : value;
		const kept = Object.entries(value)
			.map(([key, inner]) => [key, pruneValue(inner)] as const)
			.filter(([, inner]) => inner !== undefined);
		return kept.length === 0 && Object.keys(value).length > 0 ? undefined : Object.fromEntries(kept);
	};
	return (pruneValue(body) as IDataObject | undefined) ?? {};
}

import type { IDataObject } from 'n8n-workflow';

import { isObject } from './output';

/**
 * The parts of a body n8n's routing cannot shape without an expression per field and
 * per item: optional values left empty, and repeating groups (cart items, invoice
 * positions, payouts). The field builders register them here when the description is
 * built; prepareRequest shapes each body once (shapeBody), in plain code.
 */

/** Body paths whose empty value ('' or 0) means "not given" and is left out. */
const omitWhenEmpty = new Set<string>();

interface ListShape {
	/** Option of the fixedCollection that holds the elements (`items`, `payouts`). */
	group: string;
	/** Element fields whose parameter name stands for a nested path (`discount_amount` -> `discount.amount`). */
	paths: Map<string, string>;
	/** Element fields left out when empty. */
	optional: Set<string>;
}

/** Body path of each list -> how to turn the fixedCollection's value into imoje's array. */
const lists = new Map<string, ListShape>();

export function registerOptional(path: string): void {
	omitWhenEmpty.add(path);
}

export function registerList(path: string, shape: ListShape): void {
	lists.set(path, shape);
}

const isEmpty = (value: unknown) => value === '' || value === 0;

/** The object holding the last segment of a dot path (created with `create`), and that segment. */
function parentOf(body: IDataObject, path: string, create: boolean): [IDataObject, string] | undefined {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let at: IDataObject = body;
	for (const key of keys) {
		if (!isObject(at[key])) {
			if (!create) return undefined;
			at[key] = {};
		}
		at = at[key] as IDataObject;
	}
	return [at, last];
}

function setPath(target: IDataObject, path: string, value: unknown): void {
	const [parent, key] = parentOf(target, path, true) as [IDataObject, string];
	parent[key] = value as IDataObject[keyof IDataObject];
}

function toElement(raw: unknown, shape: ListShape): IDataObject {
	const element: IDataObject = {};
	if (!isObject(raw)) return element;
	for (const [name, value] of Object.entries(raw)) {
		if (value === undefined || (shape.optional.has(name) && isEmpty(value))) continue;
		setPath(element, shape.paths.get(name) ?? name, value);
	}
	return element;
}

/**
 * Turns each list's fixedCollection value (`{ items: [...] }`, sent as it is by the
 * routing) into imoje's array, and leaves out empty optional values (as `undefined`,
 * which prepareRequest's prune drops together with objects left empty).
 */
export function shapeBody(body: IDataObject): IDataObject {
	for (const [path, shape] of lists) {
		const found = parentOf(body, path, false);
		if (!found || !isObject(found[0][found[1]])) continue;
		const raw = (found[0][found[1]] as IDataObject)[shape.group];
		const elements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
		found[0][found[1]] = elements.map((element) => toElement(element, shape));
	}
	for (const path of omitWhenEmpty) {
		const found = parentOf(body, path, false);
		if (found && isEmpty(found[0][found[1]])) found[0][found[1]] = undefined;
	}
	return body;
}

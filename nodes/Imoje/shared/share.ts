import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * For every item, n8n's RoutingNode evaluates the stored value of every top-level
 * property by name, shown or not, before it looks at displayOptions. A field that five
 * operations define in their own files is then five properties, and an expression in it
 * runs five times per item (issue 10: 10 evaluations of Amount per item). shareFields
 * turns the copies of a field into one property shown for all their operations, so each
 * operation file keeps listing its own fields.
 *
 * Copies are merged only when they are the same definition (functions compared by
 * identity) and the operations they cover together can be written as one
 * `resource` x `operation` show rule that shows no other operation. Every operation
 * keeps its fields in the same order (a topological merge of the operations' orders).
 */

/** "resource.operation" */
type Pair = string;

interface Group {
	members: INodeProperties[];
	/** Index of the first member in the list given: the tie-break that keeps the order stable. */
	first: number;
	signature?: string;
	pairs: Set<Pair>;
}

/** Every resource's operations, read from the `operation` selectors (one per resource). */
function operationsOf(properties: INodeProperties[]): Map<string, string[]> {
	const byResource = new Map<string, string[]>();
	for (const { name, displayOptions, options } of properties) {
		const resource = displayOptions?.show?.resource?.[0];
		if (name !== 'operation' || typeof resource !== 'string') continue;
		byResource.set(resource, (options ?? []).map((option) => String((option as { value: unknown }).value)));
	}
	return byResource;
}

/** The operations a property is shown for, as far as `resource` and `operation` decide. */
function pairsOf(property: INodeProperties, operations: Map<string, string[]>): Set<Pair> {
	const show = property.displayOptions?.show ?? {};
	const resources = (show.resource as string[] | undefined) ?? [...operations.keys()];
	const pairs = new Set<Pair>();
	for (const resource of resources) {
		const all = operations.get(resource) ?? [];
		const wanted = (show.operation as string[] | undefined) ?? all;
		for (const operation of wanted) if (all.includes(operation)) pairs.add(`${resource}.${operation}`);
	}
	return pairs;
}

/** The definition without the `resource`/`operation` rule, functions named by identity. */
function signatureOf(property: INodeProperties, functionIds: Map<unknown, number>): string {
	const show = { ...property.displayOptions?.show };
	delete show.resource;
	delete show.operation;
	const displayOptions = { ...property.displayOptions, show };
	return JSON.stringify({ ...property, displayOptions }, (_key, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
		return `function#${functionIds.get(value)}`;
	});
}

/** The one show rule for these operations, if `resource` x `operation` gives exactly them. */
function productRule(pairs: Set<Pair>, operations: Map<string, string[]>): IDisplayOptions['show'] | undefined {
	const split = [...pairs].map((pair) => pair.split('.'));
	const resource = [...new Set(split.map(([r]) => r))];
	const operation = [...new Set(split.map(([, o]) => o))];
	for (const r of resource) {
		for (const o of operation) {
			if (operations.get(r)?.includes(o) && !pairs.has(`${r}.${o}`)) return undefined;
		}
	}
	return { resource, operation };
}

function mergedProperty(group: Group, operations: Map<string, string[]>): INodeProperties {
	const [model] = group.members;
	if (group.members.length === 1) return model;
	const show = { ...model.displayOptions?.show, ...productRule(group.pairs, operations) };
	return { ...model, displayOptions: { ...model.displayOptions, show } };
}

/** Orders the groups so that every operation sees its fields in the order it listed them. */
function ordered(groups: Group[], placed: Array<[Group, Set<Pair>]>): Group[] {
	const after = new Map<Group, Set<Group>>(groups.map((group) => [group, new Set()]));
	const waiting = new Map<Group, number>(groups.map((group) => [group, 0]));
	const last = new Map<Pair, Group>();
	for (const [group, pairs] of placed) {
		for (const pair of pairs) {
			const before = last.get(pair);
			if (before && before !== group && !after.get(before)!.has(group)) {
				after.get(before)!.add(group);
				waiting.set(group, waiting.get(group)! + 1);
			}
			last.set(pair, group);
		}
	}
	const result: Group[] = [];
	const ready = groups.filter((group) => waiting.get(group) === 0);
	while (ready.length > 0) {
		ready.sort((a, b) => a.first - b.first);
		const next = ready.shift()!;
		result.push(next);
		for (const group of after.get(next)!) {
			waiting.set(group, waiting.get(group)! - 1);
			if (waiting.get(group) === 0) ready.push(group);
		}
	}
	if (result.length !== groups.length) throw new Error('shareFields: the operations list shared fields in conflicting orders');
	return result;
}

export function shareFields(properties: INodeProperties[]): INodeProperties[] {
	const operations = operationsOf(properties);
	const functionIds = new Map<unknown, number>();
	const groups: Group[] = [];
	// Each property's group and own operations, in the order given.
	const placed = properties.map((property, index): [Group, Set<Pair>] => {
		const pairs = pairsOf(property, operations);
		// Only fields placed by a resource rule are shared; the rest stay as they are.
		const signature = property.displayOptions?.show?.resource ? signatureOf(property, functionIds) : undefined;
		const joined = signature === undefined ? undefined : groups.find((group) =>
			group.signature === signature && productRule(new Set([...group.pairs, ...pairs]), operations) !== undefined);
		if (joined) {
			joined.members.push(property);
			for (const pair of pairs) joined.pairs.add(pair);
			return [joined, pairs];
		}
		const group: Group = { members: [property], first: index, signature, pairs: new Set(pairs) };
		groups.push(group);
		return [group, pairs];
	});
	return ordered(groups, placed).map((group) => mergedProperty(group, operations));
}

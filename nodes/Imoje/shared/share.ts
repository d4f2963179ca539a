import type { INodeProperties } from 'n8n-workflow';

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
 * Collections (Additional Fields) merge even when their options differ: the merged
 * collection has every operation's options, each option shown by a `/resource` x
 * `/operation` rule where not all of them have it (n8n's editor and RoutingNode pick the
 * shown one of options sharing a name).
 */

/** "resource.operation" */
type Pair = string;

interface Group {
	members: INodeProperties[];
	/** The operations of each member. */
	memberPairs: Array<Set<Pair>>;
	/** Index of the first member in the list given: the tie-break that keeps the order stable. */
	first: number;
	signature?: string;
	pairs: Set<Pair>;
}

/** Every resource's operations, read from the `operation` selectors (one per resource). */
function operationsByResource(properties: INodeProperties[]): Map<string, string[]> {
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

/**
 * The definition without the `resource`/`operation` rule (and a collection's options),
 * functions named by identity.
 */
function signatureOf(property: INodeProperties, functionIds: Map<unknown, number>): string {
	const show = { ...property.displayOptions?.show };
	delete show.resource;
	delete show.operation;
	const displayOptions = { ...property.displayOptions, show };
	const options = property.type === 'collection' ? undefined : property.options;
	return JSON.stringify({ ...property, displayOptions, options }, (_key, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
		return `function#${functionIds.get(value)}`;
	});
}

/**
 * `[resources, operations]` whose product, among the operations `within`, is exactly
 * `pairs`; undefined when no such rule exists.
 */
function productRule(pairs: Set<Pair>, within: Set<Pair>): [string[], string[]] | undefined {
	const split = [...pairs].map((pair) => pair.split('.'));
	const resources = [...new Set(split.map(([r]) => r))];
	const operations = [...new Set(split.map(([, o]) => o))];
	for (const r of resources) {
		for (const o of operations) {
			if (within.has(`${r}.${o}`) && !pairs.has(`${r}.${o}`)) return undefined;
		}
	}
	return [resources, operations];
}

/**
 * The entry with this signature that can take in `pairs` and still be shown by one rule
 * among the operations `within`; undefined when there is none (or no signature).
 */
function joinable<T extends { signature?: string; pairs: Set<Pair> }>(entries: T[], signature: string | undefined, pairs: Set<Pair>, within: Set<Pair>): T | undefined {
	if (signature === undefined) return undefined;
	return entries.find((entry) => entry.signature === signature && productRule(new Set([...entry.pairs, ...pairs]), within) !== undefined);
}

/** Every operation's options of a merged collection, each shown only where it was listed. */
function mergedOptions(group: Group, functionIds: Map<unknown, number>): INodeProperties[] {
	const merged: Array<{ option: INodeProperties; signature: string; pairs: Set<Pair> }> = [];
	group.members.forEach((member, index) => {
		for (const option of (member.options ?? []) as INodeProperties[]) {
			const pairs = group.memberPairs[index];
			const signature = signatureOf(option, functionIds);
			const same = joinable(merged, signature, pairs, group.pairs);
			if (same) for (const pair of pairs) same.pairs.add(pair);
			else merged.push({ option, signature, pairs: new Set(pairs) });
		}
	});
	return merged
		.map(({ option, pairs }) => {
			if (pairs.size === group.pairs.size) return option;
			const [resources, operations] = productRule(pairs, group.pairs)!;
			const show = { ...option.displayOptions?.show, '/resource': resources, '/operation': operations };
			return { ...option, displayOptions: { ...option.displayOptions, show } };
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function mergedProperty(group: Group, all: Set<Pair>, functionIds: Map<unknown, number>): INodeProperties {
	const [model] = group.members;
	if (group.members.length === 1) return model;
	const [resource, operation] = productRule(group.pairs, all)!;
	const show = { ...model.displayOptions?.show, resource, operation };
	const options = model.type === 'collection' ? mergedOptions(group, functionIds) : model.options;
	return { ...model, displayOptions: { ...model.displayOptions, show }, options };
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
	const operations = operationsByResource(properties);
	const all = new Set([...operations].flatMap(([resource, names]) => names.map((name) => `${resource}.${name}`)));
	const functionIds = new Map<unknown, number>();
	const groups: Group[] = [];
	// Each property's group and own operations, in the order given.
	const placed = properties.map((property, index): [Group, Set<Pair>] => {
		const pairs = pairsOf(property, operations);
		// Only fields placed by a resource rule are shared; the rest stay as they are.
		const signature = property.displayOptions?.show?.resource ? signatureOf(property, functionIds) : undefined;
		const joined = joinable(groups, signature, pairs, all);
		if (joined) {
			joined.members.push(property);
			joined.memberPairs.push(pairs);
			for (const pair of pairs) joined.pairs.add(pair);
			return [joined, pairs];
		}
		const group: Group = { members: [property], memberPairs: [pairs], first: index, signature, pairs: new Set(pairs) };
		groups.push(group);
		return [group, pairs];
	});
	return ordered(groups, placed).map((group) => mergedProperty(group, all, functionIds));
}

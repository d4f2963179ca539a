import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { CREDENTIAL_SHOP_ID } from '../credential';
import { toSmallestUnit } from '../fields/amount';
import type { AmountUnit } from '../fields/amount';
import { amountParameter, elementParameter, factsOf } from '../fields/field';
import type { BodyRule, Fact, Field } from '../fields/field';
import { fitText } from '../fields/fitText';
import { rules, textProblem, typeName } from '../fields/rules';
import type { Rule } from '../fields/rules';
import { DEFAULT_TIMEOUT_MS, ImojeInputError } from './errors';
import { isObject } from './output';

/**
 * The one step every item's request passes through, after n8n has built it from the
 * fields and before it is sent. Built per operation from that operation's fields
 * (`routing.send.preSend: [prepare(fields)]`), so what is checked is what the
 * operation's file lists. In order:
 * 1. the IDs: checked and trimmed, each filling its `{id}` in the URL or its body key;
 * 2. the body: lists made arrays, empty optional values left out, each value brought to
 *    imoje's JSON type (text, trimmed ID, amount in the smallest unit, count), text fitted
 *    when asked, blank required values reported;
 * 3. the raw JSON fields merged in (Extra Body Fields last, so it wins);
 * 4. every value checked against imoje's rule, and the operation's rules across fields;
 * 5. the first problem thrown, naming the field, before anything is sent.
 */

interface Problem {
	field: string;
	problem: string;
	description?: string;
}

interface Pass {
	unit: AmountUnit;
	fit: boolean;
	problems: Problem[];
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const isEmpty = (value: unknown) => value === '' || value === 0;

/** The object holding the last key of a dot path, and that key; `create` makes missing objects. */
function slotOf(body: IDataObject, path: string, create = false): [IDataObject, string] | undefined {
	const keys = path.split('.');
	const key = keys.pop() as string;
	let holder = body;
	for (const part of keys) {
		if (!isObject(holder[part])) {
			if (!create) return undefined;
			holder[part] = {};
		}
		holder = holder[part] as IDataObject;
	}
	return [holder, key];
}

const report = (pass: Pass, field: string, problem: string, description?: string) => {
	if (!pass.problems.some((known) => known.field === field)) pass.problems.push({ field, problem, description });
};

/** A list's fixedCollection value (`{ items: [...] }`) -> imoje's array, each element at its facts' paths. */
function toElements(raw: unknown, list: NonNullable<Fact['list']>, unit: AmountUnit): IDataObject[] {
	const group = isObject(raw) ? raw[list.group] : undefined;
	const elements = Array.isArray(group) ? group : group === undefined ? [] : [group];
	return elements.map((input) => {
		const element: IDataObject = {};
		if (!isObject(input)) return element;
		for (const fact of list.elements) {
			const base = elementParameter(fact.path);
			const value = input[fact.kind === 'amount' ? amountParameter(base, unit) : base];
			if (value === undefined || (fact.omitEmpty && isEmpty(value))) continue;
			const [holder, key] = slotOf(element, fact.path, true)!;
			holder[key] = value;
		}
		return element;
	});
}

/** Step 2 for one fact: the value at its path brought to imoje's type; problems reported. */
function shape(body: IDataObject, fact: Fact, label: string, pass: Pass): void {
	const slot = slotOf(body, fact.path);
	if (!slot || !(slot[1] in slot[0])) return;
	const [holder, key] = slot;
	let value = holder[key];
	if (fact.list) {
		const elements = toElements(value, fact.list, pass.unit);
		holder[key] = elements;
		elements.forEach((element, index) => {
			for (const inner of fact.list!.elements) shape(element, inner, `${fact.list!.itemLabel} ${inner.label} (item ${index + 1})`, pass);
		});
		return;
	}
	if (fact.omitEmpty && isEmpty(value)) {
		delete holder[key];
		return;
	}
	if (fact.kind === 'id' && (typeof value === 'string' || typeof value === 'number')) value = String(value).trim();
	if (fact.kind === 'text') {
		if (typeof value === 'number') value = String(value);
		else if (!blank(value) && typeof value !== 'string') return report(pass, label, `must be text, not ${typeName(value)}`);
		if (pass.fit && fact.text?.fit && typeof value === 'string') value = fitText(value, fact.text);
	}
	holder[key] = value;
	if (blank(value)) {
		if (fact.required) report(pass, label, 'is required');
		delete holder[key];
		return;
	}
	if (fact.kind === 'amount') {
		const converted = toSmallestUnit(value, pass.unit, fact.amount!);
		if (converted.problem !== undefined) report(pass, label, converted.problem);
		else holder[key] = converted.amount;
	}
	if (fact.kind === 'count') {
		if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) holder[key] = Number(value);
		else if (typeof value !== 'number') report(pass, label, `must be a number, not ${typeName(value)}`);
	}
}

/** The check of an amount as sent: after conversion every amount passes; this catches Extra Body Fields. */
const amountRule = (fact: Fact): Rule =>
	!fact.amount!.whole ? rules.nonNegativeNumber : fact.amount!.min === 1 ? rules.positiveInteger : rules.nonNegativeInteger;

/** Step 4 for one fact: the value as it will be sent, against imoje's rules. */
function check(body: IDataObject, fact: Fact, label: string, pass: Pass): void {
	const slot = slotOf(body, fact.path);
	if (!slot || slot[0][slot[1]] === undefined) return;
	const value = slot[0][slot[1]];
	if (fact.list) {
		if (!Array.isArray(value)) return;
		value.forEach((element, index) => {
			if (!isObject(element)) return;
			for (const inner of fact.list!.elements) check(element, inner, `${fact.list!.itemLabel} ${inner.label} (item ${index + 1})`, pass);
		});
		return;
	}
	const checks: Rule[] = [...(fact.kind === 'amount' ? [amountRule(fact)] : []), ...(fact.rules ?? [])];
	if (fact.text) checks.unshift((text) => (typeof text === 'string' ? textProblem(text, fact.text!) : `must be text, not ${typeName(text)}`));
	const problem = checks.map((rule) => rule(value)).find(Boolean);
	if (problem) report(pass, label, problem);
}

function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(source)) {
		target[key] = isObject(value) && isObject(target[key]) ? deepMerge({ ...(target[key] as IDataObject) }, value) : value;
	}
	return target;
}

/** Leaves out objects left with nothing in them (a cart item's discount with neither amount nor tax). */
function pruneEmptyObjects(value: IDataObject): IDataObject {
	for (const [key, inner] of Object.entries(value)) {
		if (Array.isArray(inner)) inner.forEach((element) => isObject(element) && pruneEmptyObjects(element));
		else if (isObject(inner) && Object.keys(pruneEmptyObjects(inner)).length === 0) delete value[key];
	}
	return value;
}

/** Step 3 for one JSON field: an object, as JSON text or from an expression; blank is nothing. */
function readJson(context: IExecuteSingleFunctions, fact: Fact, pass: Pass): IDataObject {
	const raw = context.getNodeParameter(fact.path, '') as unknown;
	if (blank(raw)) return {};
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = jsonParse<unknown>(raw);
		} catch (error) {
			report(pass, fact.label, 'is not valid JSON', (error as Error).message);
			return {};
		}
	}
	if (!isObject(parsed)) {
		report(pass, fact.label, `must be a JSON object ({…}), not ${typeName(parsed)}`);
		return {};
	}
	return fact.into ? { [fact.into]: parsed } : parsed;
}

/** Step 1 for one ID: the parameter (a locator's value), trimmed and checked. */
function idValue(context: IExecuteSingleFunctions, fact: Fact, pass: Pass): string {
	const value = String(context.getNodeParameter(fact.path, '', { extractValue: true }) ?? '').trim();
	// "Shop" left empty: the credential's, which the credential checks when it fills it in.
	if (value === '' && fact.path === 'shop') return CREDENTIAL_SHOP_ID;
	if (value === '') {
		if (fact.required) report(pass, fact.label, 'is required', 'It is empty.');
		return value;
	}
	const problem = fact.rules?.map((rule) => rule(value)).find(Boolean);
	if (problem) report(pass, fact.label, problem, `Got "${value}".`);
	return value;
}

/** The preSend of an operation with these fields, and its rules across fields. */
export function prepare(fields: Field[], bodyRules: BodyRule[] = []): PreSendAction {
	const facts = factsOf(fields);
	const ids = facts.filter((fact) => fact.inPath);
	const json = facts.filter((fact) => fact.kind === 'json');
	// Top-level values before nested ones, so the first error named is the field a user sees first.
	const depth = (fact: Fact) => fact.path.split('.').length;
	const inBody = facts.filter((fact) => !fact.inPath && fact.kind !== 'json').sort((a, b) => depth(a) - depth(b));
	const takesText = inBody.some((fact) => fact.text?.fit);
	const takesAmount = inBody.some((fact) => fact.kind === 'amount' || fact.list?.elements.some((inner) => inner.kind === 'amount'));

	return async function prepareRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const pass: Pass = {
			unit: takesAmount ? (this.getNodeParameter('amountUnit', 'smallest') as AmountUnit) : 'smallest',
			fit: takesText && (this.getNodeParameter('fitText', false) as boolean),
			problems: [],
		};

		let body = isObject(requestOptions.body) ? requestOptions.body : {};
		let url = requestOptions.url ?? '';
		for (const fact of ids) {
			const value = idValue(this, fact, pass);
			if (fact.into) body[fact.into] = value;
			else url = url.replace(`{${fact.path}}`, value === CREDENTIAL_SHOP_ID ? value : encodeURIComponent(value));
		}
		requestOptions.url = url;

		for (const fact of inBody) shape(body, fact, fact.label, pass);
		for (const fact of inBody) {
			if (fact.apply && fact.path in body) {
				const problem = fact.apply(body, body[fact.path], this);
				if (problem) report(pass, fact.label, problem);
			}
		}
		for (const fact of json) body = deepMerge(body, readJson(this, fact, pass));
		body = pruneEmptyObjects(body);

		for (const fact of inBody) check(body, fact, fact.label, pass);
		for (const [label, rule] of bodyRules) {
			const problem = rule(body);
			if (problem) pass.problems.push({ field: label, problem });
		}

		const [first, ...more] = pass.problems;
		if (first) {
			const others = more.map(({ field, problem }) => `"${field}": ${problem}`).join('\n');
			throw new ImojeInputError(this.getNode(), `Invalid "${first.field}": ${first.problem}`, {
				itemIndex: this.getItemIndex(),
				description: [first.description, others && `Also:\n${others}`].filter(Boolean).join('\n') || undefined,
			});
		}

		const method = (requestOptions.method ?? 'GET').toUpperCase();
		if ((method === 'GET' || method === 'DELETE') && Object.keys(body).length === 0) delete requestOptions.body;
		else requestOptions.body = body;
		if (!this.getNodeParameter('requestOptions.timeout', 0)) requestOptions.timeout = DEFAULT_TIMEOUT_MS;
		return requestOptions;
	};
}

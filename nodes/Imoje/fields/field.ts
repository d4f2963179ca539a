import type { IDataObject, IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { AmountRule } from './amount';
import { rules } from './rules';
import type { Rule, TextRule } from './rules';

/**
 * A field's facts, written once: the label users see (also in error messages), where
 * the value goes in imoje's body, what kind of value it is, whether imoje requires it,
 * and imoje's rule. The field's n8n property is built from the same facts (see the
 * builders below), and the request check reads them (request/prepare.ts).
 */
export interface Fact {
	/** Dot path in imoje's body; inside a list, relative to the element. In the URL: the parameter's name. */
	path: string;
	/** In the URL path (`{name}` in the operation's url) rather than the body. */
	inPath?: boolean;
	label: string;
	/**
	 * How the value is brought to imoje's JSON type before it is checked: text (a number
	 * becomes its text, fitted when asked), an id (trimmed), an amount (converted to the
	 * smallest unit), a count (a number), or a value sent as it is.
	 */
	kind: 'text' | 'id' | 'amount' | 'count' | 'value' | 'json';
	/** imoje refuses the object holding it without it. */
	required?: boolean;
	/** Left out of the body when empty ('' or 0): optional values a user did not fill in. */
	omitEmpty?: boolean;
	text?: TextRule;
	amount?: AmountRule;
	/** imoje's rules for the value as sent. */
	rules?: Rule[];
	/** A repeated group: the fixedCollection option holding the elements, and their facts. */
	list?: { group: string; itemLabel: string; elements: Fact[] };
	/**
	 * A JSON field: the body key its object fills (none: merged into the body). An ID read
	 * from its parameter (inPath): the body key it is also sent as.
	 */
	into?: string;
	/** Fields that change the body rather than fill one value (Never Expires, Notify Wait for Payment Step). */
	apply?: (body: IDataObject, value: unknown, context: IExecuteSingleFunctions) => string | undefined;
}

/** A rule across fields of one operation: the field it names, and what is wrong with the body. */
export type BodyRule = [label: string, check: (body: IDataObject) => string | undefined];

/**
 * An operation as its file declares it: the option n8n lists, with its routing (its
 * request, prepare over its fields before sending, and what becomes of the answer), its
 * fields in the order n8n shows them, and what an AI agent is told it does.
 */
export interface Operation {
	option: INodePropertyOptions;
	fields: Field[];
	forAgents: string;
}

/** A field of the node: its n8n properties (an amount has one per unit) and its facts. */
export interface Field {
	properties: INodeProperties[];
	facts: Fact[];
}

/** What the builders take: the property's own settings, and the facts that differ from the defaults. */
interface Spec extends Omit<Partial<INodeProperties>, 'required'> {
	name: string;
	displayName: string;
	/** Body path; the parameter name when not given. */
	path?: string;
	required?: boolean;
	/** Where the value lands: in the body (default), or nowhere (a list element, or read by prepare). */
	routed?: boolean;
}

type FactSpec = Omit<Fact, 'path' | 'label'> & { label?: string };

/** A field whose value n8n's routing puts at its body path. */
export function field(spec: Spec, fact: FactSpec): Field {
	const { path = spec.name, routed = true, required, ...property } = spec;
	return {
		properties: [
			{
				type: 'string',
				default: '',
				...property,
				...(required ? { required: true } : {}),
				...(routed ? { routing: { send: { type: 'body', property: path } } } : {}),
			} as INodeProperties,
		],
		facts: [{ path, label: spec.displayName, required, ...fact }],
	};
}

/** Text with imoje's character rule and length. */
export const text = (spec: Spec & { rule?: TextRule; label?: string }, extra: Partial<FactSpec> = {}): Field => {
	const { rule, label, ...rest } = spec;
	return field(rest, { kind: 'text', text: rule, ...(label ? { label } : {}), ...extra });
};

/** A choice from a list imoje documents; the value is checked against the list. */
export const choice = (spec: Spec & { options: INodePropertyOptions[]; allowEmpty?: boolean }, extra: Partial<FactSpec> = {}): Field => {
	const { options, allowEmpty, ...rest } = spec;
	const values = (options as INodePropertyOptions[]).map((option) => String(option.value)).filter((value) => value !== '');
	return field(
		{ type: 'options', options, ...rest },
		{ kind: 'value', omitEmpty: allowEmpty, rules: [rules.oneOf(values)], ...extra },
	);
};

/**
 * An amount, typed as text so that the editor neither rounds it nor shows 1250 as
 * "1,250", in the unit chosen in "Amounts In". Each unit has a parameter of its own
 * (`amount`, `amountInMainUnit`), shown with that unit, so a value typed under one unit
 * never takes the other's meaning when the unit changes; both send to the same path.
 */
export function amount(spec: Spec & { rule: AmountRule; inList?: boolean }): Field {
	const { rule, inList = false, description = '', ...rest } = spec;
	const variant = (unit: 'smallest' | 'main'): INodeProperties => {
		const [label, placeholder, says] =
			unit === 'smallest'
				? [`${rest.displayName} in Smallest Unit`, 'e.g. 1250', 'In grosze or cents, a whole number: 1250 means 12.50 PLN.']
				: [`${rest.displayName} in Main Unit`, 'e.g. 12.50', 'At most 2 decimals, with a dot: 12.50 means 12.50 PLN.'];
		// In a list the label stays short (the unit is in "Amounts In" above); at the top the label says it.
		const made = field(
			{
				placeholder,
				...rest,
				name: amountParameter(rest.name, unit),
				displayName: inList ? rest.displayName : label,
				description: inList ? description : [description, says, '0, negative amounts and fractions of the smallest unit are refused.'].join(' ').trim(),
				path: rest.path ?? rest.name,
				displayOptions: { show: { [inList ? '/amountUnit' : 'amountUnit']: [unit] } },
			},
			{ kind: 'amount' },
		);
		return made.properties[0];
	};
	return {
		properties: [variant('smallest'), variant('main')],
		facts: [{ path: rest.path ?? rest.name, label: rest.displayName, required: rest.required, kind: 'amount', amount: rule }],
	};
}

/** The parameter holding an amount typed in a unit: `amount`, or `amountInMainUnit`. */
export const amountParameter = (name: string, unit: 'smallest' | 'main') => (unit === 'main' ? `${name}InMainUnit` : name);

/** A fixedCollection of one section holding these fields' properties. */
function fixedCollection(
	spec: { name: string; displayName: string; placeholder: string; description?: string },
	section: { name: string; displayName: string },
	fields: Field[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		default: {},
		placeholder: spec.placeholder,
		...(spec.description ? { description: spec.description } : {}),
		...extra,
		options: [{ ...section, values: fields.flatMap((f) => f.properties) }],
	};
}

/**
 * A set of fields shown together (an address): a fixedCollection whose values are
 * routed one by one to their own body paths.
 */
export function group(spec: { name: string; displayName: string; inner: string; innerName: string; description?: string; fields: Field[] }): Field {
	return {
		properties: [fixedCollection({ ...spec, placeholder: `Add ${spec.displayName}` }, { name: spec.inner, displayName: spec.innerName }, spec.fields)],
		facts: spec.fields.flatMap((f) => f.facts),
	};
}

/**
 * A repeated group (cart items, invoice positions, payouts): a fixedCollection sent
 * whole to `path`, turned into imoje's array by prepare. Element fields are not routed;
 * an element field named `discount_amount` stands for the nested path `discount.amount`.
 */
export function list(spec: {
	name: string;
	displayName: string;
	path: string;
	/** The fixedCollection option holding the elements, and its label. */
	section: string;
	sectionName: string;
	itemLabel: string;
	placeholder: string;
	description?: string;
	elements: Field[];
}): Field {
	const extra: Partial<INodeProperties> = { typeOptions: { multipleValues: true }, routing: { send: { type: 'body', property: spec.path } } };
	return {
		properties: [fixedCollection(spec, { name: spec.section, displayName: spec.sectionName }, spec.elements, extra)],
		facts: [
			{
				path: spec.path,
				label: spec.displayName,
				kind: 'value',
				list: { group: spec.section, itemLabel: spec.itemLabel, elements: spec.elements.flatMap((f) => f.facts) },
			},
		],
	};
}

/** The parameter of a list element field: its path with dots as underscores. */
export const elementParameter = (path: string) => path.replace(/\./g, '_');

/** A list element field: not routed (the list is sent whole), named after its path. */
export const element = (spec: Omit<Spec, 'name'> & { path: string }, fact: FactSpec): Field =>
	field({ ...spec, name: elementParameter(spec.path), routed: false }, fact);

/** A field with nothing to send or check of its own (Amounts In, Fit Text). */
export const plain = (property: INodeProperties): Field => ({ properties: [property], facts: [] });

/** The same field with its facts changed for one operation (an ID sent in the body). */
export const withFacts = (base: Field, change: Partial<Fact>): Field => ({ ...base, facts: base.facts.map((fact) => ({ ...fact, ...change })) });

/** The n8n properties of a list of fields. */
export const propertiesOf = (fields: Field[]) => fields.flatMap((f) => f.properties);

/** The facts of a list of fields. */
export const factsOf = (fields: Field[]) => fields.flatMap((f) => f.facts);

/** Return All and Limit, as every n8n Get Many has them; the answer is cut to Limit (request/answer.ts). */
export const returnAll: Field[] = [
	plain({
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	}),
	plain({
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
	}),
];

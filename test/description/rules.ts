/**
 * n8n's parameter rules (eslint-plugin-n8n-nodes-base, the ones `npm run lint` runs
 * on source text), applied to a BUILT description instead: fields made by builder
 * functions, spread from arrays or filtered at load time are invisible to the
 * source lint, but not to this walk. Each rule names the n8n rule it mirrors.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { titleCase } from './titleCase';

export interface Finding {
	rule: string;
	path: string;
	message: string;
}

/** eslint-plugin-n8n-nodes-base: MIN_ITEMS_TO_ALPHABETIZE and EMAIL_PLACEHOLDER. */
const MIN_ITEMS_TO_ALPHABETIZE = 5;
const EMAIL_PLACEHOLDER = 'name@email.com';

/** Placeholders that instruct rather than show an example ("Add Field", "Type the payer's…"). */
const INSTRUCTION = /^(Add|Choose|Select|Type|Pick|Leave|Defaults?|The|Enter)\b/;

const allowedLowercase = (value: string) =>
	/^https?:\/\//.test(value) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(value) || /^v\d+\.\d+$/.test(value);

function titleCased(path: string, value: string, rule: string, findings: Finding[]) {
	if (value.toLowerCase().endsWith('or') || allowedLowercase(value)) return;
	const expected = titleCase(value);
	if (value !== expected) findings.push({ rule, path, message: `"${value}" is not title case ("${expected}")` });
}

/** node-param-description-missing-final-period / -excess-final-period. */
function periods(path: string, description: string | undefined, findings: Finding[]) {
	if (!description || /\s{2,}/.test(description) || description !== description.trim()) return;
	const plain = description.replace(/e\.g\./g, 'eg');
	const sentences = plain.split('. ').length;
	const ends = plain.endsWith('.') || plain.endsWith('</a>.');
	if (sentences > 1 && !ends && !plain.endsWith('</code>')) {
		findings.push({ rule: 'description-missing-final-period', path, message: `"${description}" has several sentences but no final period` });
	}
	if (sentences === 1 && ends) {
		findings.push({ rule: 'description-excess-final-period', path, message: `"${description}" is one sentence and should not end with a period` });
	}
}

function sorted(path: string, names: string[], rule: string, findings: Finding[]) {
	const expected = [...names].sort((a, b) => a.localeCompare(b));
	if (names.length >= MIN_ITEMS_TO_ALPHABETIZE && names.some((name, i) => name !== expected[i])) {
		findings.push({ rule, path, message: `not sorted by name: ${names.join(', ')}` });
	}
}

function lintOptions(path: string, options: INodePropertyOptions[], isOperation: boolean, findings: Finding[]) {
	// n8n's rule skips numeric values; rates named as percentages ("23%") read best in numeric order too.
	if (options.length && !/^\d+$/.test(String(options[0].value)) && !/^\d+%$/.test(options[0].name)) {
		sorted(path, options.map((option) => option.name), 'options-type-unsorted-items', findings);
	}
	for (const option of options) {
		const at = `${path}[${String(option.value)}]`;
		titleCased(at, option.name, 'display-name-miscased', findings);
		periods(at, option.description, findings);
		if (isOperation && option.action !== undefined) {
			// n8n's wording: "Create payment link", not "Create a payment link".
			if (/\b(a|an|the)\b/i.test(option.action)) findings.push({ rule: 'action-with-article', path: at, message: `action "${option.action}" has an article` });
			if (option.action[0] !== option.action[0].toUpperCase()) findings.push({ rule: 'action-miscased', path: at, message: `action "${option.action}" is not sentence case` });
		}
	}
}

function lintProperty(parent: string, property: INodeProperties, findings: Finding[]) {
	const path = `${parent}${property.name}`;
	if (property.type !== 'notice') titleCased(path, property.displayName, 'display-name-miscased', findings);
	periods(path, property.description, findings);
	if (property.type === 'boolean' && !(property.description ?? '').startsWith('Whether')) {
		findings.push({ rule: 'description-boolean-without-whether', path, message: `boolean description "${property.description ?? ''}" does not start with "Whether"` });
	}
	const { placeholder } = property;
	const exempt = ['collection', 'fixedCollection', 'resourceLocator'].includes(property.type);
	if (typeof placeholder === 'string' && placeholder && !exempt && !placeholder.startsWith('e.g. ') && placeholder !== EMAIL_PLACEHOLDER && !INSTRUCTION.test(placeholder)) {
		findings.push({ rule: 'placeholder-without-eg', path, message: `placeholder "${placeholder}" gives an example without "e.g."` });
	}
	if (property.type === 'options' || property.type === 'multiOptions') {
		lintOptions(path, (property.options ?? []) as INodePropertyOptions[], property.name === 'operation', findings);
	}
	if (property.type === 'collection') {
		const inner = (property.options ?? []) as INodeProperties[];
		sorted(path, inner.map((option) => option.displayName), 'collection-type-unsorted-items', findings);
		for (const option of inner) lintProperty(`${path}.`, option, findings);
	}
	if (property.type === 'fixedCollection') {
		for (const section of (property.options ?? []) as INodePropertyCollection[]) {
			titleCased(`${path}.${section.name}`, section.displayName, 'display-name-miscased', findings);
			for (const value of section.values) lintProperty(`${path}.${section.name}.`, value, findings);
		}
	}
	for (const mode of property.modes ?? []) titleCased(`${path}#${mode.name}`, mode.displayName, 'display-name-miscased', findings);
}

/** Every finding in a list of parameters, nested ones included. */
export function lintProperties(properties: INodeProperties[], prefix = ''): Finding[] {
	const findings: Finding[] = [];
	for (const property of properties) lintProperty(prefix, property, findings);
	return findings;
}

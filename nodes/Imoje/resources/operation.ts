import { updateDisplayOptions } from 'n8n-workflow';
import type { IHttpRequestOptions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { propertiesOf } from '../fields/field';
import type { BodyRule, Field } from '../fields/field';
import { answer } from '../request/answer';
import { prepare } from '../request/prepare';

/** An operation as its file declares it: the option n8n lists, with its routing, and its fields in order. */
export interface Operation {
	option: INodePropertyOptions;
	/** Every field the operation shows, in the order n8n shows them (Additional Fields last). */
	fields: Field[];
	forAgents: string;
}

/**
 * Declares an operation: its request, its fields (which prepare checks before sending),
 * its rules across fields, and what becomes of the answer. Everything the operation does
 * differently is said here, on the operation, as n8n's declarative routing has it.
 */
export function operation(spec: {
	name: string;
	value: string;
	action: string;
	description: string;
	request: Pick<IHttpRequestOptions, 'method' | 'url' | 'body'>;
	fields: Field[];
	rules?: BodyRule[];
	/** Runs after prepare (switching to another endpoint). */
	then?: PreSendAction[];
	answer?: Parameters<typeof answer>[0];
	/** What an AI agent is told the operation does, when the node is its tool; the action otherwise. */
	forAgents?: string;
}): Operation {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: spec.request,
				send: { preSend: [prepare(spec.fields, spec.rules), ...(spec.then ?? [])] },
				output: { postReceive: [answer(spec.answer)] },
			},
		},
		fields: spec.fields,
		forAgents: spec.forAgents ?? `${spec.action} in imoje.`,
	};
}

/** The optional fields of an operation, as options of the node's one Additional Fields collection. */
export const additionalOptions = (resource: string, operationValue: string, fields: Field[]): INodeProperties[] =>
	updateDisplayOptions(
		{ show: { '/resource': [resource], '/operation': [operationValue] } },
		propertiesOf(fields).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	);

/** Fields only this operation shows, with its show rule. */
export const ownProperties = (resource: string, operationValue: string, fields: Field[]): INodeProperties[] =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operationValue] } }, propertiesOf(fields));

/** The Additional Fields collection as an operation lists it among its fields. */
export const additionalFields = (fields: Field[]): Field => ({ properties: [], facts: fields.flatMap((f) => f.facts) });

/** A resource's operation selector, shown only for that resource. */
export const operationsOf = (resource: string, defaultOperation: string, operations: Operation[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options: operations.map((op) => op.option),
	default: defaultOperation,
});

/**
 * What an AI agent reads about the tool: the operation, and how to write its amounts in
 * the unit the node will read them in, so a model cannot send 12550 where the node
 * reads main units. Shown only on the tool variant of the node (`@tool`); as a default
 * value it follows "Amounts In" whenever the user changes it. Defining it replaces
 * n8n's own Tool Description field, for every operation alike.
 */
export function toolDescription(operations: Record<string, Operation[]>): INodeProperties {
	const texts = Object.fromEntries(
		Object.entries(operations).map(([resource, list]) => [resource, Object.fromEntries(list.map((op) => [op.option.value, op.forAgents]))]),
	);
	const main = ' Write every amount in the main unit, with at most 2 decimals and a dot: 125.50 PLN is 125.50.';
	const smallest = ' Write every amount as a whole number of the smallest unit (grosze, cents): 125.50 PLN is 12550.';
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		// No "}}" inside: it would end the expression early.
		default: `={{ (${JSON.stringify(texts).replace(/}/g, '} ')})[$parameter.resource][$parameter.operation] + ($parameter.amountUnit === 'main' ? ${JSON.stringify(main)} : $parameter.amountUnit === 'smallest' ? ${JSON.stringify(smallest)} : '') }}`,
		description: 'What the AI agent is told this tool does; by default the operation and the unit its amounts are written in',
		displayOptions: { show: { '@tool': [true] } },
	};
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { propertiesOf } from '../fields/field';
import type { Field, Operation } from '../fields/field';

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

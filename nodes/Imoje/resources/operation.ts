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

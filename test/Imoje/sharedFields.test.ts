/**
 * shareFields merges the copies of a field that several operations define into one
 * property (n8n evaluates every top-level property's value per item, shown or not:
 * issue 10). What each operation shows, and in which order, must not change.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Imoje, operationProperties } from '../../dist/nodes/Imoje/Imoje.node';
import { shareFields } from '../../dist/nodes/Imoje/shared/share';

const shared = new Imoje().description.properties;

/** Every operation, with the values of the fields other fields depend on. */
const settings: INodeParameters[] = operationProperties
	.filter(({ name, displayOptions }) => name === 'operation' && displayOptions?.show?.resource)
	.flatMap(({ displayOptions, options }) =>
		(options as Array<{ value: string }>).map(({ value }) => ({ resource: displayOptions!.show!.resource![0] as string, operation: value })))
	.flatMap((setting) => ['smallest', 'main'].map((amountUnit) => ({ ...setting, amountUnit })))
	.flatMap((setting) => [true, false].map((returnAll) => ({ ...setting, returnAll })));

/** The fields (and a collection's options) shown for these values, in order, without their show rules. */
const shown = (properties: INodeProperties[], values: INodeParameters): INodeProperties[] =>
	properties
		.filter((property) => NodeHelpers.displayParameter(values, property, null, undefined, values))
		.map((property) => ({
			...property,
			displayOptions: undefined,
			options: property.type === 'collection' ? shown(property.options as INodeProperties[], values) : property.options,
		}));

test.each(settings.map((values) => [`${String(values.resource)}.${String(values.operation)} ${String(values.amountUnit)} returnAll=${String(values.returnAll)}`, values]))(
	'%s shows the same fields in the same order',
	(_name, values) => {
		expect(shown(shared, values)).toEqual(shown(operationProperties, values));
	},
);

test('a field several operations share is one property where one show rule can say so', () => {
	const copies = (properties: INodeProperties[]) => {
		const count: Record<string, number> = {};
		for (const { name } of properties) count[name] = (count[name] ?? 0) + 1;
		return Object.fromEntries(Object.entries(count).filter(([, n]) => n > 1));
	};
	expect(copies(shared)).toEqual({
		// One selector per resource, each with its own operations.
		operation: 7,
		// A unit label each, times Payment Method's own text (pp.getAll forbids one rule for all).
		amount: 4,
		// Payment Profile has Debit and Get Many: resource x operation cannot take in one without the other.
		amountUnit: 2,
		currency: 2,
		// Body (four operations), Cancel's own text, and the URL path of two operations.
		shop: 4,
		// Each option shown where its operation lists it; Debit's apart, as for amountUnit.
		additionalFields: 2,
		// In the body for Cancel and Debit, in the URL path for the others.
		paymentId: 2,
		paymentProfileId: 2,
		// Refund and Transaction: one rule would show it on Transaction Create.
		transactionId: 2,
	});
});

test('copies that differ stay apart, and an order no operation can keep is refused', () => {
	const operation = (resource: string, values: string[]): INodeProperties => ({
		displayName: 'Operation', name: 'operation', type: 'options', default: values[0],
		displayOptions: { show: { resource: [resource] } }, options: values.map((value) => ({ name: value, value })),
	});
	const field = (name: string, resource: string, op: string, description = ''): INodeProperties => ({
		displayName: name, name, type: 'string', default: '', description, displayOptions: { show: { resource: [resource], operation: [op] } },
	});
	const ops = [operation('a', ['create', 'get']), operation('b', ['create'])];
	expect(shareFields([...ops, field('x', 'a', 'create'), field('x', 'b', 'create', 'other')]).filter(({ name }) => name === 'x')).toHaveLength(2);
	expect(shareFields([...ops, field('x', 'a', 'create'), field('x', 'b', 'create')]).filter(({ name }) => name === 'x')).toHaveLength(1);
	expect(() => shareFields([...ops, field('x', 'a', 'create'), field('y', 'a', 'create'), field('y', 'b', 'create'), field('x', 'b', 'create')]))
		.toThrow(/conflicting orders/);
});

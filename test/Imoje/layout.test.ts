/**
 * The description n8n gets is the one the source writes: every operation's file lists
 * its fields, and the node shows exactly those, in that order. A field several
 * operations take is one top-level property (n8n's RoutingNode evaluates every
 * top-level property's value per item, shown or not), and building the description
 * fills nothing that the request reads.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { paymentLinkOperations } from '../../dist/nodes/Imoje/resources/paymentLink';
import { paymentMethodOperations } from '../../dist/nodes/Imoje/resources/paymentMethod';
import { paymentProfileOperations } from '../../dist/nodes/Imoje/resources/paymentProfile';
import { refundOperations } from '../../dist/nodes/Imoje/resources/refund';
import { shopOperations } from '../../dist/nodes/Imoje/resources/shop';
import { transactionOperations } from '../../dist/nodes/Imoje/resources/transaction';
import { trustedIpOperations } from '../../dist/nodes/Imoje/resources/trustedIp';

const properties = new Imoje().description.properties;

const byResource = {
	paymentLink: paymentLinkOperations,
	paymentMethod: paymentMethodOperations,
	paymentProfile: paymentProfileOperations,
	refund: refundOperations,
	shop: shopOperations,
	transaction: transactionOperations,
	trustedIp: trustedIpOperations,
};

const cases = Object.entries(byResource).flatMap(([resource, operations]) =>
	operations.flatMap((operation) =>
		['smallest', 'main'].flatMap((amountUnit) =>
			[true, false].map((returnAll): [string, INodeParameters, typeof operation] => [
				`${resource}.${String(operation.option.value)} ${amountUnit} returnAll=${String(returnAll)}`,
				{ resource, operation: operation.option.value as string, amountUnit, returnAll },
				operation,
			]),
		),
	),
);

const shown = (list: INodeProperties[], values: INodeParameters) =>
	list.filter((property) => NodeHelpers.displayParameter(values, property, null, undefined, values));

test.each(cases)('%s shows the fields its file lists, in that order', (_name, values, operation) => {
	const declared = operation.fields.flatMap((field) => field.properties);
	const onScreen = shown(properties, values).filter(({ name }) => !['resource', 'operation', 'additionalFields', 'simplify'].includes(name));
	expect(onScreen.map(({ name }) => name)).toEqual(shown(declared, values).map(({ name }) => name));
	// The same definitions, not look-alikes.
	onScreen.forEach((property, index) => expect({ ...property, displayOptions: undefined }).toEqual({ ...shown(declared, values)[index], displayOptions: property.displayOptions && undefined }));
});

test.each(cases)('%s: its Additional Fields are the options its file lists', (_name, values, operation) => {
	const collection = shown(properties, values).find(({ name }) => name === 'additionalFields');
	const options = collection ? shown(collection.options as INodeProperties[], values).map(({ name }) => name).sort() : [];
	const facts = operation.fields.flatMap((field) => (field.properties.length === 0 ? field.facts : []));
	expect(options.length > 0).toBe(facts.length > 0);
});

test('a field several operations take is one property, except where one show rule cannot say which', () => {
	const count: Record<string, number> = {};
	for (const { name } of properties) count[name] = (count[name] ?? 0) + 1;
	expect(Object.fromEntries(Object.entries(count).filter(([, n]) => n > 1))).toEqual({
		// One selector per resource.
		operation: 7,
		// Refunds and Transaction's Get, Capture and Void: one rule would show it on Transaction › Create.
		transactionId: 2,
		// In the body of create, cancel and debit; in the URL of Shop › Get and Payment Method › Get Available.
		shop: 2,
	});
});

test('building the description twice gives the same description', () => {
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const again = require('../../dist/nodes/Imoje/Imoje.node') as { Imoje: typeof Imoje };
		expect(JSON.stringify(new again.Imoje().description)).toBe(JSON.stringify(new Imoje().description));
	});
});

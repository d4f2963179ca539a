/**
 * The lint that sees everything: n8n's parameter rules over the built descriptions of
 * both nodes and the credential (dist/), so a field made by a builder is checked too.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ImojeApi } from '../../dist/credentials/ImojeApi.credentials';
import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { ImojeTrigger } from '../../dist/nodes/ImojeTrigger/ImojeTrigger.node';
import { lintProperties } from './rules';

describe('the built descriptions follow n8n\'s parameter rules', () => {
	test.each([
		['imoje node', () => new Imoje().description.properties],
		['imoje Trigger', () => new ImojeTrigger().description.properties],
		['imoje API credential', () => new ImojeApi().properties],
	])('%s has no findings', (_name, properties) => {
		const all = properties();
		expect(all.length).toBeGreaterThan(0);
		expect(lintProperties(all)).toEqual([]);
	});
});

/** A builder like the ones in nodes/Imoje/shared: nothing in its output is visible to the source lint. */
const builder = (label: string): INodeProperties[] => [
	{ displayName: label.toLowerCase(), name: 'planted', type: 'string', default: '' },
	{ displayName: 'Send Email', name: 'sendEmail', type: 'boolean', default: true, description: 'Sends an e-mail to the payer' },
];

describe('the rules find defects planted inside a builder', () => {
	test('a lower-case display name and a boolean without "Whether"', () => {
		expect(lintProperties(builder('Planted Field')).map(({ rule, path }) => `${rule} ${path}`)).toEqual([
			'display-name-miscased planted',
			'description-boolean-without-whether sendEmail',
		]);
	});

	test('final periods, unsorted options, example placeholders and articles in actions', () => {
		const planted: INodeProperties[] = [
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, description: 'The amount. In grosze' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Order 42', description: 'The title.' },
			{
				displayName: 'Language',
				name: 'locale',
				type: 'options',
				default: 'pl',
				options: ['Polish', 'English', 'German', 'Czech', 'Slovak'].map((name) => ({ name, value: name.slice(0, 2).toLowerCase() })),
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'create',
				options: [{ name: 'Create', value: 'create', action: 'Create a payment link' }],
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: ['Title', 'Amount', 'Currency', 'Phone', 'City'].map((displayName) => ({ displayName, name: displayName.toLowerCase(), type: 'string' as const, default: '' })),
			},
		];
		expect(lintProperties(planted).map(({ rule, path }) => `${rule} ${path}`)).toEqual([
			'description-missing-final-period amount',
			'description-excess-final-period title',
			'placeholder-without-eg title',
			'options-type-unsorted-items locale',
			'action-with-article operation[create]',
			'collection-type-unsorted-items additionalFields',
		]);
	});

	test('the real description passes the same rules that catch the plants', () => {
		const properties = new Imoje().description.properties;
		const operation = properties.find((p) => p.name === 'operation')!;
		expect(lintProperties([operation])).toEqual([]);
		expect(lintProperties([{ ...operation, options: [{ name: 'Get', value: 'get', action: 'Get the shop' }] }])).toHaveLength(1);
	});
});

/**
 * The example workflows against the nodes n8n loads (dist/): each imoje and imoje Wait for
 * Payment step names an operation the node has and only parameters it shows, so an example
 * cannot carry a setting n8n would silently drop. Then the wait-until-paid example's shape:
 * the link notifies the waiting step, the wait reads that link, and "Paid?" splits on `paid`.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { ImojeWait } from '../../dist/nodes/ImojeWait/ImojeWait.node';
import { examples, wait, type Example, type ExampleNode } from './helpers';

const DESCRIPTIONS: Record<string, INodeTypeDescription> = {
	'n8n-nodes-imoje.imoje': new Imoje().description,
	'n8n-nodes-imoje.imojeWait': new ImojeWait().description,
};

const imojeSteps = examples().flatMap(({ file, workflow }) =>
	workflow.nodes.filter((node) => DESCRIPTIONS[node.type]).map((node) => [`${file}: ${node.name}`, node] as [string, ExampleNode]),
);

/** The node's values with n8n's defaults filled in, as the editor evaluates display rules on them. */
function valuesOf(node: ExampleNode): INodeParameters {
	const description = DESCRIPTIONS[node.type];
	const filled = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, { ...node, id: 'x', parameters: node.parameters }, description);
	return { ...filled, ...node.parameters } as INodeParameters;
}

const shown = (values: INodeParameters, properties: INodeProperties[]) =>
	properties.filter((property) => NodeHelpers.displayParameter(values, property, null, undefined, values));

/** What an example sets that the node would not show (and so not use) for its operation. */
function unknownParameters(node: ExampleNode): string[] {
	const values = valuesOf(node);
	const visible = shown(values, DESCRIPTIONS[node.type].properties);
	const problems: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const properties = visible.filter((property) => property.name === name);
		if (!properties.length) {
			problems.push(name);
			continue;
		}
		const collections = properties.filter((property) => property.type === 'collection');
		if (!collections.length || typeof value !== 'object' || value === null) continue;
		const options = collections.flatMap((property) => (property.options ?? []) as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>);
		for (const key of Object.keys(value)) {
			const fits = options.some(
				(option) => option.name === key && (!('displayOptions' in option) || NodeHelpers.displayParameter(value as INodeParameters, option as INodeProperties, null, undefined, values)),
			);
			if (!fits) problems.push(`${name}.${key}`);
		}
	}
	return problems;
}

test('there are imoje steps of both nodes in the examples to check', () => {
	expect(new Set(imojeSteps.map(([, node]) => node.type))).toEqual(new Set(Object.keys(DESCRIPTIONS)));
	expect(imojeSteps.length).toBeGreaterThanOrEqual(5);
});

test.each(imojeSteps)('%s: an operation of the node, with parameters it shows', (_name, node) => {
	const values = valuesOf(node);
	const visible = shown(values, DESCRIPTIONS[node.type].properties);
	for (const choice of ['resource', 'operation'].filter((name) => node.parameters[name] !== undefined)) {
		const offered = visible.filter((property) => property.name === choice).flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => option.value));
		expect(offered).toContain(node.parameters[choice]);
	}
	expect(unknownParameters(node)).toEqual([]);
});

test('the check finds a parameter the operation does not have', () => {
	const [, node] = imojeSteps.find(([, step]) => step.parameters.operation === 'create')!;
	const wrong = { ...node, parameters: { ...node.parameters, notifyWaitStepp: true, additionalFields: { ...node.parameters.additionalFields, titel: 'x' } } };
	expect(unknownParameters(wrong).sort()).toEqual(['additionalFields.titel', 'notifyWaitStepp']);
});

describe('examples/payment-link-wait.json', () => {
	const example = examples().find((e) => e.file === 'payment-link-wait.json') as Example;
	const nodes = example.workflow.nodes;
	const byName = (name: string) => nodes.find((node) => node.name === name)!;
	const next = (name: string, output = 0) => (example.workflow.connections[name]?.main[output] ?? []).map((c) => c.node);

	test('opens with a sticky note that says how to pay it or let it expire in the demo', () => {
		const note = nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote')!;
		expect(note.parameters.content).toMatch(/^## /);
		expect(note.parameters.content).toMatch(/npm run demo/);
		expect(note.parameters.content).toMatch(/\/_sim\/payments\/<paymentId>\/settle/);
		expect(note.parameters.content).toMatch(/\/_sim\/payments\/<paymentId>\/expire/);
		expect(note.parameters.content).toMatch(/WEBHOOK_URL/);
	});

	test('runs linearly from the deal to the wait, then splits on paid', () => {
		const trigger = nodes.find((node) => node.type === 'n8n-nodes-base.webhook')!;
		expect(trigger.parameters.path).toBe(wait.WAIT_PATH);
		const chain = [trigger.name];
		while (example.workflow.connections[chain[chain.length - 1]]?.main.length === 1 && chain.length < 10) chain.push(next(chain[chain.length - 1])[0]);
		expect(chain).toEqual(['Deal won (CRM webhook)', 'Create payment link', 'Send the link', 'Answer the CRM', 'Wait for payment', 'Paid?']);
		expect(next('Paid?', 0)).toEqual(['Mark deal paid']);
		expect(next('Paid?', 1)).toEqual(['Send reminder']);
	});

	test('the link notifies the waiting step, and the wait reads that link', () => {
		const create = byName('Create payment link');
		expect(create.parameters).toMatchObject({ resource: 'paymentLink', operation: 'create', additionalFields: { notifyWaitStep: true } });
		expect(create.parameters.additionalFields.notificationUrl).toBeUndefined();
		expect(byName('Wait for payment').type).toBe('n8n-nodes-imoje.imojeWait');
		expect(byName('Wait for payment').parameters).toMatchObject({
			resource: 'paymentLink',
			paymentId: { __rl: true, mode: 'id', value: "={{ $('Create payment link').item.json.id }}" },
		});
		const condition = byName('Paid?').parameters.conditions.conditions;
		expect(condition).toEqual([expect.objectContaining({ leftValue: '={{ $json.paid }}', operator: expect.objectContaining({ type: 'boolean', operation: 'true' }) })]);
	});
});

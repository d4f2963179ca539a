/**
 * What a demo re-run does with each example (scripts/demo/workflows.js): import it
 * when absent, update it when its file changed and n8n's copy is untouched, and keep
 * whatever the user edited. n8n is stood in for by the export its CLI would write.
 */
import { cliExporting, demo, removeFolder, tempFolder } from './helpers';

type Wf = { id: string; name: string; nodes: Array<Record<string, unknown>>; connections: Record<string, unknown> };

const example = (name: string) => demo.loadExamples(() => undefined).find((e: { source: string }) => e.source === name);

describe('demo re-run plan', () => {
	let userFolder: string;
	const source = 'examples/order-returned-refund.json';
	beforeEach(() => {
		userFolder = tempFolder();
	});
	afterEach(() => removeFolder(userFolder));

	test('a first run imports every example', async () => {
		const examples = [example(source)];
		const planned = await demo.plan(examples, { cli: cliExporting([]), userFolder });
		expect(planned.import.map((e: { source: string }) => e.source)).toEqual([source]);
	});

	test('untouched and unchanged is left alone; a changed file updates an untouched copy', async () => {
		const first = example(source);
		const planned = await demo.plan([first], { cli: cliExporting([]), userFolder });
		demo.remember(planned.state, planned.import, { userFolder });
		const stored: Wf = JSON.parse(JSON.stringify(first.workflow));

		const again = await demo.plan([example(source)], { cli: cliExporting([stored]), userFolder });
		expect(again.unchanged).toHaveLength(1);

		const changed = example(source);
		changed.workflow.nodes[0].position = [1, 1];
		const updated = await demo.plan([changed], { cli: cliExporting([stored]), userFolder });
		expect(updated.update).toHaveLength(1);
	});

	test('a workflow the user edited is kept, even when the example file changed', async () => {
		const first = example(source);
		const planned = await demo.plan([first], { cli: cliExporting([]), userFolder });
		demo.remember(planned.state, planned.import, { userFolder });
		const edited: Wf = JSON.parse(JSON.stringify(first.workflow));
		edited.nodes[0].disabled = true;

		const changed = example(source);
		changed.workflow.nodes[0].position = [1, 1];
		const again = await demo.plan([changed], { cli: cliExporting([edited]), userFolder });
		expect(again.kept).toHaveLength(1);
		expect(again.import).toHaveLength(0);
		expect(again.update).toHaveLength(0);
	});
});

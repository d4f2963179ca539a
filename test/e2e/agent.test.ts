// n8n's AI Agent runs the imoje node as a tool, in a real n8n 2.38.7: the agent's OpenAI Chat
// Model is pointed at a scripted OpenAI-compatible server (harness/scripted-model.js) that
// records what n8n shows the model, and the imoje tool is set up the way the editor's "let
// the model define this" button sets a field up. The simulator stands in for imoje.
//
// What n8n tells the model about a usableAsTool node (n8n 2.38.7):
// - the tool's name is the node's name with everything but [a-zA-Z0-9_-] made `_`
//   (nodeNameToToolName); the editor names a new tool node "<operation's action> in imoje";
// - its description, with "Tool Description" left on "Set Automatically", is
//   "<operation's action> in <node defaults.name>" (NodeHelpers.makeDescription);
// - its parameters are the $fromAI() calls found in the node's stored parameters (getSchema,
//   traverseNodeParameters), after n8n has dropped the parameters the node does not show
//   (the Workflow constructor's getNodeParameters): key, description and type as written.
// - The button writes `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('<key>', ``, '<type>') }}`
//   with the key made from the field's label (buildFromAIKey), an empty description, and the
//   type `boolean`, `number` or `json` for those fields, `string` for every other; it is not
//   offered on `options` fields (PROP_TYPE_DENYLIST), so Currency stays fixed.
import {
	n8nMajor,
	e2eClient,
	e2eInfo,
	PACKAGE_NAME,
	simCredentialData,
	simRequest,
	startScriptedModel,
	toolResults,
	toolsOf,
	type ChatRequest,
	type ExecutionDetail,
	type ModelScript,
	type N8nClient,
	type NodeTypeDescription,
	type ScriptedModel,
	type ScriptStep,
	type ToolDefinition,
	type Workflow,
} from './harness';

jest.setTimeout(180_000);

const USER_MESSAGE = 'Send Jan Kowalski (jan@example.com) a payment link for 125.50 PLN for order 77';
/** The name the editor gives a new imoje tool on Payment Link > Create (NodeHelpers.makeNodeName). */
const TOOL_NODE = 'Create payment link in imoje';
const AGENT = 'AI Agent';

/** What the editor's "let the model define this" button writes for a field with this label. */
function fromAIButton(label: string, type: 'string' | 'number' | 'boolean' | 'json' = 'string'): string {
	return `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${fromAIKey(label)}', \`\`, '${type}') }}`;
}

/** The key the button makes of a top-level field's label: what is not [a-zA-Z0-9-] becomes `_`. */
function fromAIKey(label: string): string {
	return label.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
}

interface SimLink {
	id: string;
	url: string;
	orderId: string;
	amount: number;
	currency: string;
	customer?: { firstName?: string; lastName?: string; email?: string };
}

async function simLinks(): Promise<SimLink[]> {
	const state = await simRequest<{ paymentLinks: SimLink[] }>('GET', '/_sim/state');
	return state.body.paymentLinks;
}

/** The tool's parameters (JSON schema properties) and whether a key asks for an amount. */
const schemaOf = (tool: ToolDefinition) => tool.parameters.properties ?? {};
const isAmountKey = (key: string) => /amount/i.test(key);

/**
 * A model that does what it is told: it reads the request "125.50 PLN" and fills each
 * parameter the tool asks for, writing the amount in the unit the parameter's key or
 * description names (12550 for the smallest unit, 125.50 for the main unit).
 */
function argumentsFor(tool: ToolDefinition): Record<string, string> {
	const args: Record<string, string> = {};
	for (const [key, property] of Object.entries(schemaOf(tool))) {
		const told = `${key} ${property.description ?? ''}`;
		if (isAmountKey(key)) args[key] = /smallest|grosz|cent/i.test(told) ? '12550' : '125.50';
		else if (/order/i.test(key)) args[key] = '77';
		else if (/first/i.test(key)) args[key] = 'Jan';
		else if (/last/i.test(key)) args[key] = 'Kowalski';
		else if (/mail/i.test(key)) args[key] = 'jan@example.com';
	}
	return args;
}

/** A payment link's URL in a tool result (the node's output items, as JSON). */
function linkUrlIn(result: string): string | undefined {
	return /"url"\s*:\s*"([^"]+)"/.exec(result)?.[1];
}

/** Calls the tool with `attempts` in turn (one per model turn), then answers from the last result. */
function script(attempts: Array<(tool: ToolDefinition) => Record<string, unknown>>): ModelScript {
	return (body: ChatRequest): ScriptStep => {
		const results = toolResults(body);
		const [tool] = toolsOf(body);
		if (tool && results.length < attempts.length) return { toolCall: { arguments: attempts[results.length](tool) } };
		const last = results[results.length - 1] ?? '';
		const url = linkUrlIn(last);
		return { content: url ? `Here is the payment link for order 77: ${url}` : `I could not create the link: ${last}` };
	};
}

describe('an AI agent runs the imoje node as a tool (scripted model)', () => {
	let client: N8nClient;
	let model: ScriptedModel;
	let openAiCredential: { id: string; name: string };
	let imojeCredential: { id: string; name: string };
	/** The amount field's parameter name under "Amounts In" = main, as the node defines it. */
	let mainAmountParameter: string;

	beforeAll(async () => {
		if (!e2eInfo().sim) throw new Error('the e2e global setup did not start the imoje simulator');
		client = await e2eClient();
		model = await startScriptedModel();
		const openAi = await client.createCredential({ name: 'Scripted model', type: 'openAiApi', data: { apiKey: 'sk-scripted', url: model.baseUrl } });
		const imoje = await client.createCredential({ name: 'imoje (agent)', type: 'imojeApi', data: simCredentialData() });
		openAiCredential = { id: openAi.id, name: openAi.name };
		imojeCredential = { id: imoje.id, name: imoje.name };

		// The amount in the main unit is its own parameter `amountInMainUnit` once the node
		// stops sharing one `amount` between the two units (issue 16); before, it is `amount`.
		const types = await client.nodeTypes();
		const node = types.find((t: NodeTypeDescription) => t.name === `${PACKAGE_NAME}.imoje`);
		mainAmountParameter = node?.properties?.some((p) => p.name === 'amountInMainUnit') ? 'amountInMainUnit' : 'amount';
	});

	afterAll(async () => {
		await model?.stop();
	});

	/** Manual trigger -> AI Agent (OpenAI Chat Model at the scripted server; the imoje tool). */
	function agentWorkflow(name: string, toolParameters: Record<string, unknown>): Workflow {
		return {
			name,
			// What the editor gives every new workflow. Without it n8n runs the legacy order, in
			// which the agent resumes before its tool has run and the model reads an empty result.
			settings: { executionOrder: 'v1' },
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name: AGENT,
					type: '@n8n/n8n-nodes-langchain.agent',
					// n8n 1.x's AI Agent stops at version 3.
					typeVersion: n8nMajor() < 2 ? 3 : 3.1,
					position: [220, 0],
					parameters: { promptType: 'define', text: USER_MESSAGE, options: {} },
				},
				{
					name: 'OpenAI Chat Model',
					type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
					typeVersion: 1.3,
					position: [160, 220],
					// Chat Completions (/v1/chat/completions), not the Responses API.
					parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, responsesApiEnabled: false, options: {} },
					credentials: { openAiApi: openAiCredential },
				},
				{
					name: TOOL_NODE,
					type: `${PACKAGE_NAME}.imojeTool`,
					typeVersion: 1,
					position: [320, 220],
					// n8n 2.x hands a tool's error to the model by itself; on 1.x the tool must say so.
					...(n8nMajor() < 2 ? { onError: 'continueRegularOutput' } : {}),
					parameters: {
						resource: 'paymentLink',
						operation: 'create',
						currency: 'PLN',
						orderId: fromAIButton('Order ID'),
						customerFirstName: fromAIButton('Customer First Name'),
						customerLastName: fromAIButton('Customer Last Name'),
						customerEmail: fromAIButton('Customer Email'),
						...toolParameters,
					},
					credentials: { imojeApi: imojeCredential },
				},
			],
			connections: {
				Start: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
				'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
				[TOOL_NODE]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
			},
		};
	}

	interface AgentRun {
		execution: ExecutionDetail;
		/** The chat completion requests n8n sent the model, oldest first. */
		chats: ChatRequest[];
		/** The payment links the simulator created during the run. */
		created: SimLink[];
		/** The agent's answer. */
		answer: string | undefined;
	}

	/** Saves the workflow and runs it as the editor's "Execute workflow" does, on the running n8n. */
	async function runAgent(workflow: Workflow, modelScript: ModelScript): Promise<AgentRun> {
		const before = new Set((await simLinks()).map((l) => l.id));
		model.reset();
		model.setScript(modelScript);
		const saved = await client.createWorkflow(workflow);
		await client.request('POST', `/rest/workflows/${saved.id}/run`, { body: { triggerToStartFrom: { name: 'Start' } } });
		const [finished] = await client.waitForExecutions(saved.id, 1, { timeoutMs: 90_000 });
		const execution = await client.execution(finished.id);
		const answer = execution.data.resultData.runData[AGENT]?.[0]?.data?.main[0]?.[0]?.json.output;
		return {
			execution,
			chats: model.chatRequests(),
			created: (await simLinks()).filter((l) => !before.has(l.id)),
			answer: typeof answer === 'string' ? answer : undefined,
		};
	}

	const mainUnitTool = () => ({ amountUnit: 'main', [mainAmountParameter]: fromAIButton('Amount in Main Unit') });

	describe('"Send Jan Kowalski (jan@example.com) a payment link for 125.50 PLN for order 77"', () => {
		let run: AgentRun;
		let tool: ToolDefinition;

		beforeAll(async () => {
			run = await runAgent(agentWorkflow('e2e: agent creates a payment link', mainUnitTool()), script([argumentsFor]));
			[tool] = toolsOf(run.chats[0]);
		});

		it('runs to the end', () => {
			expect(run.execution.data.resultData.error).toBeUndefined();
			expect(run.execution.status).toBe('success');
		});

		it('makes imoje create one link: 12550 grosze, order "77", Jan Kowalski\'s e-mail', () => {
			expect(run.created).toHaveLength(1);
			expect(run.created[0]).toMatchObject({ amount: 12550, currency: 'PLN', orderId: '77' });
			expect(run.created[0].customer).toMatchObject({ firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' });
		});

		it('answers with the link imoje returned', () => {
			expect(run.created).toHaveLength(1);
			expect(run.answer).toContain(run.created[0].url);
			// The model read it from the tool's result, the node's output item.
			expect(linkUrlIn(toolResults(run.chats[run.chats.length - 1])[0] ?? '')).toBe(run.created[0].url);
		});

		it('shows the model one tool, named after the node, asking for the fields set by the button, the amount\'s unit in its key', () => {
			expect(toolsOf(run.chats[0]).map((t) => t.name)).toEqual(['Create_payment_link_in_imoje']);
			const schema = schemaOf(tool);
			expect(Object.keys(schema).sort()).toEqual(
				['Amount_in_Main_Unit', 'Customer_Email', 'Customer_First_Name', 'Customer_Last_Name', 'Order_ID'].sort(),
			);
			expect(tool.parameters.required?.sort()).toEqual(Object.keys(schema).sort());
			expect(Object.values(schema).every((p) => p.type === 'string')).toBe(true);
			expect(tool.description).toMatch(/payment link/i);
		});

		// Waits for a node change: n8n makes the description "<operation's action> in imoje",
		// today "Create payment link in imoje", which does not say how to write the amount.
		it('says in the tool description how to write the amount: in the main unit, as the node reads it', () => {
			expect(tool.description).toMatch(/main unit/i);
		});
	});

	it('gives a refused amount back to the model as a tool message it can read, not a failed run', async () => {
		const refused = ['12,50', '-5'];
		const run = await runAgent(
			agentWorkflow('e2e: agent sends refused amounts', mainUnitTool()),
			script(refused.map((amount) => (tool: ToolDefinition) => ({ ...argumentsFor(tool), Amount_in_Main_Unit: amount }))),
		);

		expect(run.execution.status).toBe('success');
		expect(run.execution.data.resultData.error).toBeUndefined();
		expect(run.created).toEqual([]);
		// The model's last request carries both results, each an error naming the field and the rule.
		const results = toolResults(run.chats[run.chats.length - 1]);
		expect(results).toHaveLength(2);
		expect(results[0]).toMatch(/"error":.*Amount.*dot/);
		expect(results[1]).toMatch(/"error":.*Amount.*(above 0|negative)/);
		expect(run.answer).toMatch(/could not create the link/);
	});

	// Waits for the node change of issue 16 (each unit its own parameter): until then the node
	// reads `amount` in whatever unit "Amounts In" says, and the model's 12550 becomes a
	// 12,550.00 PLN link.
	it('cannot make a 100x link once "Amounts In" is switched to the main unit after the button was used under the smallest', async () => {
		const run = await runAgent(
			agentWorkflow('e2e: agent after an Amounts In switch', {
				// Set up under "Smallest Unit" (the button wrote this key into `amount`), then switched.
				amountUnit: 'main',
				amount: fromAIButton('Amount in Smallest Unit'),
			}),
			script([argumentsFor]),
		);

		expect([run.execution.status, JSON.stringify(run.execution.data.resultData.error ?? null)]).toEqual(['success', 'null']);
		expect(run.created.filter((l) => l.amount === 1255000)).toEqual([]);
		expect(run.created).toEqual([]);
		// Whatever amount the model is asked for names the unit the node reads.
		const [tool] = toolsOf(run.chats[0]);
		expect(Object.keys(schemaOf(tool)).filter((k) => isAmountKey(k) && /smallest/i.test(k))).toEqual([]);
		// Asked for no amount, the model learns from the node that the amount is missing.
		expect(toolResults(run.chats[run.chats.length - 1]).join('\n')).toMatch(/"error":[^}]*Amount/);
	});

	// The same for a person (waits for the same node change): 12550 typed under "Smallest
	// Unit", then "Amounts In" switched to the main unit, is not read as 12,550.00 PLN.
	it('does not read an amount typed under the smallest unit as main units after "Amounts In" is switched', async () => {
		const before = new Set((await simLinks()).map((l) => l.id));
		const saved = await client.createWorkflow({
			name: 'e2e: amount typed before an Amounts In switch',
			settings: { executionOrder: 'v1' },
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name: 'Create payment link',
					type: `${PACKAGE_NAME}.imoje`,
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'paymentLink',
						operation: 'create',
						amountUnit: 'main',
						amount: '12550',
						currency: 'PLN',
						orderId: '78',
						customerFirstName: 'Jan',
						customerLastName: 'Kowalski',
						customerEmail: 'jan@example.com',
					},
					credentials: { imojeApi: imojeCredential },
				},
			],
			connections: { Start: { main: [[{ node: 'Create payment link', type: 'main', index: 0 }]] } },
		});
		// n8n 1.x refuses to start a manual run whose required field (Amount in Main Unit) is empty.
		const refusedByN8n = await client
			.request('POST', `/rest/workflows/${saved.id}/run`, { body: { triggerToStartFrom: { name: 'Start' }, ...(n8nMajor() < 2 ? { workflowData: saved } : {}) } })
			.then(
				() => undefined,
				(error: Error) => error,
			);
		if (refusedByN8n) {
			expect([n8nMajor(), refusedByN8n.message]).toEqual([1, expect.stringMatching(/has issues/)]);
		} else {
			const [finished] = await client.waitForExecutions(saved.id, 1, { timeoutMs: 60_000 });
			const execution = await client.execution(finished.id);
			expect(execution.status).toBe('error');
			expect(execution.data.resultData.error?.message).toMatch(/Amount/);
		}

		const created = (await simLinks()).filter((l) => !before.has(l.id));
		expect(created.filter((l) => l.amount === 1255000)).toEqual([]);
		expect(created).toEqual([]);
	});
});

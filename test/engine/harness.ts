/**
 * Runs the built imoje node through n8n-core's real engine (WorkflowExecute, which
 * hands declarative nodes to its RoutingNode), exactly as n8n would: one workflow
 * with one imoje node fed the given input items. Only the credential store is ours.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	Workflow as WorkflowType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ImojeApi } from '../../dist/credentials/ImojeApi.credentials';
import { additionalData, credentialsHelper } from './credentials';
import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';

export const NODE_TYPE = 'n8n-nodes-imoje.imoje';
export const BASE_URL = 'https://imoje.test/v1/merchant';
export const MERCHANT_ID = 'mrc6kc8xyz';
export const SHOP_ID = 'ab16c18c-e83b-424f-80c9-f839ed23181f';
export const BEARER_WORD = 'tok_SECRET_4f9a1c2b7d';
export const SHOP_SIGNING_WORD = 'shopkey_SECRET_77ab';
/** Where the node sends requests for TEST_CREDENTIALS: nock intercepts this origin. */
export const API = `${BASE_URL}/${MERCHANT_ID}`;

export const TEST_CREDENTIALS: ICredentialDataDecryptedObject = {
	environment: 'custom',
	baseUrl: BASE_URL,
	merchantId: MERCHANT_ID,
	serviceId: SHOP_ID,
	authorizationToken: BEARER_WORD,
	shopSecretKey: SHOP_SIGNING_WORD,
};

const credentialType: ICredentialType = new ImojeApi();

/** n8n's credentials helper with the test credential and the credential type's authenticate. */
export const testCredentialsHelper = (data: ICredentialDataDecryptedObject) => credentialsHelper(ICredentialsHelper, credentialType, data);

const nodeTypesOf = (nodeType: INodeType): INodeTypes => ({
	getByName: () => nodeType,
	getByNameAndVersion: (_name: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeType, version),
	getKnownTypes: () => ({}),
});

/**
 * What n8n's credential tester does with a `test.request`: a node with no fields
 * whose request defaults are that request, run by the RoutingNode like any other.
 */
export function credentialTestNodeType(): INodeType {
	const test = credentialType.test!;
	return {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'imojeApi', required: true }],
			requestDefaults: test.request,
			properties: [],
		},
	} as INodeType;
}

export interface RunOptions {
	parameters: IDataObject;
	/** Input items; one empty item by default. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	/** The imoje node unless given. */
	nodeType?: INodeType;
}

export interface RunResult {
	/** Output items of the imoje node (error items included when continueOnFail). */
	items: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: IRun['data']['resultData']['error'];
	run: IRun;
}

/** The imoje node alone in a workflow, as the engine and the editor's backend see it. */
export function singleNodeWorkflow(parameters: IDataObject, nodeType: INodeType = new Imoje(), extra: Partial<INode> = {}) {
	const node: INode = {
		id: 'b0c1e4a2-6f57-4b2e-9c3a-1d2e3f4a5b6c',
		name: 'imoje',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { imojeApi: { id: '1', name: 'imoje test' } },
		...extra,
	};
	const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(nodeType) });
	return { node, workflow };
}

/**
 * Runs a workflow from `node` with `items` as its input, the way n8n's WorkflowRunner does, and
 * returns the run and the static data n8n would save after it (its workflowExecuteAfter hook).
 */
export async function executeFrom(
	workflow: WorkflowType,
	node: INode,
	items: INodeExecutionData[],
	{ mode = 'manual', credentials = TEST_CREDENTIALS }: { mode?: WorkflowExecuteMode; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<{ run: IRun; newStaticData?: IDataObject }> {
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-test', {
		id: workflow.id,
		name: 'imoje test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let newStaticData: IDataObject | undefined;
	hooks.addHandler('workflowExecuteAfter', async (_run, changed) => {
		newStaticData = changed;
	});
	const context = additionalData(testCredentialsHelper(credentials), hooks);

	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const run = await new WorkflowExecute(context, mode, runExecutionData).processRunExecutionData(workflow);
	return { run, newStaticData };
}

export async function runImoje({ parameters, items = [{}], continueOnFail = false, credentials = TEST_CREDENTIALS, nodeType = new Imoje() }: RunOptions): Promise<RunResult> {
	const { node, workflow } = singleNodeWorkflow(parameters, nodeType, continueOnFail ? { onError: 'continueRegularOutput' } : {});
	const { run } = await executeFrom(workflow, node, items.map((json) => ({ json })), { credentials });
	const task = run.data.resultData.runData[node.name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: run.data.resultData.error ?? task?.error,
		run,
	};
}

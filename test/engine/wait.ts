/**
 * Runs imoje Wait for Payment through n8n-core's real engine, with the steps n8n 2.38.7 takes
 * around a waiting execution:
 * - start: WorkflowExecute runs the node; a node that called putExecutionToWait leaves the run
 *   `waiting` with its data as n8n stores it (kept here as JSON, as the database keeps it);
 * - the time limit: the WaitTracker runs the stored data again (WorkflowExecute.handleWaitingState);
 * - a call to the resume URL: WaitingWebhooks disables the waiting node and clears waitTill,
 *   n8n-core's WebhookContext runs the node's webhook() on the real request and response; no
 *   workflowData: the node's answer, and the execution keeps waiting; workflowData: it becomes the
 *   waiting node's input (webhook-helpers prepareExecutionData) and the run goes on from there.
 */
import { createHash } from 'node:crypto';

import express from 'express';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import axios from 'axios';

import { ImojeWait } from '../../dist/nodes/ImojeWait/ImojeWait.node';
import { additionalData } from './credentials';
import { MERCHANT_ID, SHOP_ID, SHOP_SIGNING_WORD, TEST_CREDENTIALS, executeFrom, testCredentialsHelper } from './harness';

export const WAIT_NODE_NAME = 'Wait for Payment';

export function waitWorkflow(parameters: IDataObject, type = 'n8n-nodes-imoje.imojeWait') {
	const nodeType = new ImojeWait();
	const node: INode = {
		id: 'c3d2e1f0-1111-4222-8333-944455556666',
		name: WAIT_NODE_NAME,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { imojeApi: { id: '1', name: 'imoje test' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'wf-wait', nodes: [node], connections: {}, active: true, nodeTypes });
	return { node, nodeType, workflow };
}

/** What the wait node put out in a run: its last run's first output. */
export const outputOf = (run: IRun): INodeExecutionData[] => run.data.resultData.runData[WAIT_NODE_NAME]?.at(-1)?.data?.main?.[0] ?? [];

/** A notification body signed as imoje signs it: sha256 over the bytes with the shop key appended. */
export function signed(payload: unknown, key = SHOP_SIGNING_WORD, shop = SHOP_ID) {
	const body = JSON.stringify(payload);
	const signature = createHash('sha256').update(body).update(key, 'utf8').digest('hex');
	return { body, headers: { 'X-Imoje-Signature': `merchantid=${MERCHANT_ID};serviceid=${shop};signature=${signature};alg=sha256` } };
}

export interface Answer {
	status: number;
	body: unknown;
	/** The run the call resumed, if it did. */
	resumed?: IRun;
}

export interface Waiting {
	/** The run as the node left it: `waiting`, or finished when no wait was needed. */
	first: IRun;
	/** Whether the execution is waiting now. */
	isWaiting(): boolean;
	/** A call to this execution's resume URL (`<base>/webhook-waiting/<id>/imoje?signature=…`). */
	call(body: string, headers: Record<string, string>): Promise<Answer>;
	/** n8n's WaitTracker at the time limit. */
	timeLimit(): Promise<IRun>;
	close(): Promise<void>;
}

export async function startWait(
	parameters: IDataObject,
	{
		items = [{}],
		credentials = TEST_CREDENTIALS,
		continueOnFail = false,
		type,
	}: { items?: IDataObject[]; credentials?: ICredentialDataDecryptedObject; continueOnFail?: boolean; type?: string } = {},
): Promise<Waiting> {
	const { node, nodeType, workflow } = waitWorkflow(parameters, type);
	if (continueOnFail) node.onError = 'continueRegularOutput';
	const { run: first } = await executeFrom(workflow, node, items.map((json) => ({ json })), { mode: 'webhook', credentials });
	// The database row: what n8n stored when the execution began to wait.
	let stored: string | undefined = first.waitTill ? JSON.stringify(first.data) : undefined;
	const load = () => JSON.parse(stored!) as IRunExecutionData;
	const data = () => {
		const hooks = new ExecutionLifecycleHooks('webhook', 'exec-test', { id: workflow.id, name: 'wait test', active: true, isArchived: false, nodes: [node], connections: {}, createdAt: new Date(), updatedAt: new Date() } as never);
		return additionalData(testCredentialsHelper(credentials), hooks) as unknown as IWorkflowExecuteAdditionalData;
	};
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'imoje', webhookDescription: nodeType.description.webhooks![0], workflowId: workflow.id } as unknown as IWebhookData;
	const resumed: IRun[] = [];

	const app = express();
	app.post('/webhook-waiting/:id/imoje', express.raw({ type: () => true }), async (req, res) => {
		if (stored === undefined) {
			res.status(409).json({ message: 'The execution has finished already.' });
			return;
		}
		(req as unknown as { rawBody: Buffer }).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		const execution = load();
		execution.executionData!.nodeExecutionStack[0].node.disabled = true;
		execution.waitTill = undefined;
		const context = new WebhookContext(workflow, node, { ...data(), httpRequest: req, httpResponse: res } as IWorkflowExecuteAdditionalData, 'webhook', webhookData, [], execution);
		const result = await nodeType.webhook.call(context);
		if (result.noWebhookResponse) return;
		if (!result.workflowData) {
			res.status(200).json(result.webhookResponse);
			return;
		}
		execution.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
		stored = undefined;
		const run = await new WorkflowExecute(data(), 'webhook', execution).processRunExecutionData(workflow);
		resumed.push(run);
		res.status(200).json(result.webhookResponse);
	});
	const server: ReturnType<typeof app.listen> = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const { port } = server.address() as { port: number };

	return {
		first,
		isWaiting: () => stored !== undefined,
		async call(body, headers) {
			const before = resumed.length;
			const response = await axios.post(`http://127.0.0.1:${port}/webhook-waiting/exec-test/imoje`, body, {
				headers: { 'Content-Type': 'application/json; charset=UTF-8', 'User-Agent': 'imoje', ...headers },
				validateStatus: () => true,
				transformRequest: [(raw) => raw],
			});
			return { status: response.status, body: response.data, resumed: resumed.length > before ? resumed.at(-1) : undefined };
		},
		async timeLimit() {
			const execution = load();
			stored = undefined;
			return await new WorkflowExecute(data(), 'webhook', execution).processRunExecutionData(workflow);
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

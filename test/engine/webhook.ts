/**
 * Serves the imoje Trigger's webhook() from a local express app, the way n8n does:
 * n8n-core's WebhookContext around the real request and response objects, the raw
 * body kept as bytes, and n8n's answer rules (the node's own response, else the
 * webhookResponse it returned, and an execution only when it returned workflowData).
 */
import express from 'express';
import { WebhookContext } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeTypes, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import axios from 'axios';

import { ImojeTrigger } from '../../dist/nodes/ImojeTrigger/ImojeTrigger.node';
import { TEST_CREDENTIALS, TestCredentialsHelper } from './harness';

export interface Delivery {
	status: number;
	body: unknown;
	/** Items the workflow was started with; undefined when no execution started. */
	started?: INodeExecutionData[];
}

export interface TriggerServer {
	post(body: string | Buffer, headers: Record<string, string>): Promise<Delivery>;
	/** The node's static data, where n8n keeps it between webhook calls. */
	nodeStaticData(): IDataObject;
	close(): Promise<void>;
}

export async function serveTrigger(
	parameters: IDataObject,
	credentials: ICredentialDataDecryptedObject = TEST_CREDENTIALS,
	settings: { trustProxy?: boolean } = {},
): Promise<TriggerServer> {
	const nodeType = new ImojeTrigger();
	const node: INode = {
		id: 'e7a3c7f0-1d2b-4c5e-8f90-a1b2c3d4e5f6',
		name: 'imoje Trigger',
		type: 'n8n-nodes-imoje.imojeTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { imojeApi: { id: '1', name: 'imoje test' } },
		webhookId: 'imoje-test',
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, active: true, nodeTypes, staticData: {} });
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'imoje', webhookDescription: nodeType.description.webhooks![0], workflowId: 'wf-trigger' } as unknown as IWebhookData;

	const app = express();
	if (settings.trustProxy) app.set('trust proxy', 1);
	app.post('/webhook/imoje', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
		(req as unknown as { rawBody: Buffer }).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		const additionalData = {
			httpRequest: req,
			httpResponse: res,
			credentialsHelper: new TestCredentialsHelper(credentials),
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		let result;
		try {
			result = await nodeType.webhook.call(context);
		} catch (error) {
			// n8n answers 500 when webhook() throws; keep the message for the test to show.
			res.status(500).json({ thrown: (error as Error).message });
			return;
		}
		started = result.workflowData?.[0];
		if (result.noWebhookResponse) return;
		res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
	});
	let started: INodeExecutionData[] | undefined;
	const server: ReturnType<typeof app.listen> = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const { port } = server.address() as { port: number };

	return {
		nodeStaticData: () => workflow.getStaticData('node', node),
		async post(body, headers) {
			started = undefined;
			const response = await axios.post(`http://127.0.0.1:${port}/webhook/imoje`, body, {
				headers: { 'Content-Type': 'application/json; charset=UTF-8', 'User-Agent': 'imoje', ...headers },
				validateStatus: () => true,
				transformRequest: [(data) => data],
			});
			return { status: response.status, body: response.data, started };
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/**
 * Serves the imoje Trigger's webhook() from a local express app, the way n8n 2.38 does
 * (webhooks/live-webhooks.js and webhook-helpers.js executeWebhook): n8n-core's WebhookContext
 * around the real request and response, the raw body kept as bytes, the workflow's static
 * data loaded fresh for every request and saved (when changed) before the answer, and n8n's
 * answer rules: the node's own response; else with no workflowData its webhookResponse; else,
 * in responseMode onReceived, the execution stored first and then the webhook description's
 * responseData (evaluated by n8n-workflow's real expression engine) as the body.
 * The execution itself runs through n8n-core's WorkflowExecute on a second Workflow built over
 * the same static data object, as WorkflowRunner does: that clears the request's "changed"
 * mark, so only what the run changes is saved (by the run's workflowExecuteAfter hook). The
 * harness answers once the run has ended (n8n answers once it has started), so a test can read
 * what was saved as soon as it has the answer.
 */
import express from 'express';
import { WebhookContext } from 'n8n-core';
import { NodeHelpers, sleep, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import axios from 'axios';

import { ImojeTrigger } from '../../dist/nodes/ImojeTrigger/ImojeTrigger.node';
import { TEST_CREDENTIALS, testCredentialsHelper, executeFrom } from './harness';

export interface Delivery {
	status: number;
	body: unknown;
	contentType?: string;
	/** Items the workflow was started with; undefined when no execution started. */
	started?: INodeExecutionData[];
	/** In test mode: the error n8n starts the test execution with when webhook() throws. */
	thrown?: string;
}

export interface TriggerSettings {
	trustProxy?: boolean;
	/** 'manual' is "Listen for test event" (the Test URL). */
	mode?: WorkflowExecuteMode;
	/** The workflow's saved static data, as after an earlier run (a restart keeps it). */
	staticData?: IDataObject;
	/** Another trigger node (a different node id in the same workflow). */
	nodeId?: string;
}

export interface TriggerServer {
	post(body: string | Buffer, headers: Record<string, string>): Promise<Delivery>;
	/** The workflow's static data as n8n last saved it. */
	savedStaticData(): IDataObject;
	/** Every execution stored so far. */
	executions(): INodeExecutionData[][];
	/** The next accepted notification's execution fails to be stored (database down). */
	failNextStore(): void;
	/** How many times the node read (decrypted) its credential. */
	credentialReads(): number;
	close(): Promise<void>;
}

const NODE_ID = 'e7a3c7f0-1d2b-4c5e-8f90-a1b2c3d4e5f6';

export async function serveTrigger(
	parameters: IDataObject,
	credentials: ICredentialDataDecryptedObject = TEST_CREDENTIALS,
	settings: TriggerSettings = {},
): Promise<TriggerServer> {
	const nodeType = new ImojeTrigger();
	const mode = settings.mode ?? 'webhook';
	const node: INode = {
		id: settings.nodeId ?? NODE_ID,
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
	const description = nodeType.description.webhooks![0];
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'imoje', webhookDescription: description, workflowId: 'wf-trigger' } as unknown as IWebhookData;
	// The database row: n8n reads it for every request and writes it back whole.
	let saved = JSON.stringify(settings.staticData ?? {});
	const executions: INodeExecutionData[][] = [];
	const deliveries = new Map<string, Omit<Delivery, 'status' | 'body'>>();
	let failStore = false;
	let credentialReads = 0;
	// Counts how often the trigger reads its credential.
	const credentialsHelper = testCredentialsHelper(credentials);
	const getDecrypted = credentialsHelper.getDecrypted.bind(credentialsHelper);
	credentialsHelper.getDecrypted = async (...args: Parameters<typeof getDecrypted>) => {
		credentialReads++;
		return await getDecrypted(...args);
	};

	const app = express();
	if (settings.trustProxy) app.set('trust proxy', 1);
	app.post('/webhook/imoje', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
		const delivery: Omit<Delivery, 'status' | 'body'> = {};
		deliveries.set(String(req.headers['x-delivery']), delivery);
		(req as unknown as { rawBody: Buffer }).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		const staticData = JSON.parse(saved) as IDataObject;
		const workflowOver = (data: IDataObject) => new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, active: true, nodeTypes, staticData: data });
		const workflow = workflowOver(staticData);
		const save = (data: IDataObject) => {
			saved = JSON.stringify(data, (key, value) => (key === '__dataChanged' ? undefined : value));
		};
		const saveStaticData = () => {
			if (workflow.staticData.__dataChanged === true) save(workflow.staticData);
		};
		const additionalData = {
			httpRequest: req,
			httpResponse: res,
			credentialsHelper,
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		let result;
		try {
			result = await nodeType.webhook.call(context);
		} catch (error) {
			// n8n answers 500 when webhook() throws and starts the execution with the error.
			delivery.thrown = (error as Error).message;
			res.status(500).json({ message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}
		if (result.noWebhookResponse) {
			saveStaticData();
			return;
		}
		if (!result.workflowData) {
			saveStaticData();
			res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		// WorkflowRunner.run stores the execution (a database write: other requests interleave);
		// if that throws, n8n answers an error.
		await sleep(5);
		if (failStore) {
			failStore = false;
			// A database that fails usually takes its time to say so.
			await sleep(200);
			res.status(500).json({ message: 'There was a problem executing the workflow' });
			return;
		}
		const runWorkflow = workflowOver(staticData);
		executions.push(result.workflowData[0]);
		delivery.started = result.workflowData[0];
		const responseData = workflow.expression.getComplexParameterValue(node, description.responseData, mode, {}, undefined, 'firstEntryJson');
		const answer = responseData === 'noData' ? undefined : responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
		saveStaticData();
		const { run, newStaticData } = await executeFrom(runWorkflow, node, result.workflowData[0], { mode, credentials });
		// A failed run would be a harness or node bug: say so in the answer instead of hanging the request.
		if (run.data.resultData.error) {
			res.status(500).json({ message: `the run failed: ${run.data.resultData.error.message}` });
			return;
		}
		if (newStaticData && mode !== 'manual') save(newStaticData);
		res.status(200).json(answer);
	});
	const server: ReturnType<typeof app.listen> = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const { port } = server.address() as { port: number };
	let sent = 0;

	return {
		savedStaticData: () => JSON.parse(saved),
		executions: () => executions,
		failNextStore: () => {
			failStore = true;
		},
		credentialReads: () => credentialReads,
		async post(body, headers) {
			const id = String(++sent);
			const response = await axios.post(`http://127.0.0.1:${port}/webhook/imoje`, body, {
				headers: { 'Content-Type': 'application/json; charset=UTF-8', 'User-Agent': 'imoje', ...headers, 'X-Delivery': id },
				validateStatus: () => true,
				transformRequest: [(data) => data],
				transformResponse: [(data) => data],
			});
			const text = String(response.data);
			const parsed: unknown = /^[[{"]/.test(text) ? JSON.parse(text) : text;
			return { status: response.status, body: parsed, contentType: String(response.headers['content-type']), ...deliveries.get(id) };
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

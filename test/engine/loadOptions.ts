/**
 * Runs the node's editor methods (loadOptions, listSearch) inside n8n-core's real
 * LoadOptionsContext, as the editor's backend does: the node's current parameters,
 * the credential from our store, and n8n's own authenticated request helper.
 */
import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INode, INodeListSearchResult, INodePropertyOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { NODE_TYPE, TEST_CREDENTIALS, TestCredentialsHelper } from './harness';

function contextFor(parameters: IDataObject, path: string): ILoadOptionsFunctions {
	const nodeType = new Imoje();
	const node: INode = {
		id: 'c3d1e4a2-6f57-4b2e-9c3a-1d2e3f4a5b6c',
		name: 'imoje',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { imojeApi: { id: '1', name: 'imoje test' } },
	};
	const workflow = new Workflow({
		id: 'wf-editor',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: (_name: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeType, version),
			getKnownTypes: () => ({}),
		},
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(TEST_CREDENTIALS),
		currentNodeParameters: parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

export async function loadOptions(method: string, parameters: IDataObject, path = 'paymentMethodCode'): Promise<INodePropertyOptions[]> {
	const fn = new Imoje().methods.loadOptions[method as keyof Imoje['methods']['loadOptions']];
	return await fn.call(contextFor(parameters, path));
}

export async function listSearch(method: string, parameters: IDataObject, filter?: string): Promise<INodeListSearchResult> {
	const fn = new Imoje().methods.listSearch[method as keyof Imoje['methods']['listSearch']];
	return await fn.call(contextFor(parameters, 'shop'), filter);
}

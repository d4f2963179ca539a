/**
 * Runs the node's editor methods (loadOptions, listSearch) inside n8n-core's real
 * LoadOptionsContext, as the editor's backend does: the node's current parameters,
 * the credential from our store, and n8n's own authenticated request helper.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { Imoje } from '../../dist/nodes/Imoje/Imoje.node';
import { TEST_CREDENTIALS, testCredentialsHelper, singleNodeWorkflow } from './harness';

function contextFor(parameters: IDataObject, path: string): ILoadOptionsFunctions {
	const { node, workflow } = singleNodeWorkflow(parameters);
	const additionalData = {
		credentialsHelper: testCredentialsHelper(TEST_CREDENTIALS),
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

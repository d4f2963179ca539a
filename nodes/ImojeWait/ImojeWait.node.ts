import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { WAIT_WEBHOOK_PATH } from '../Imoje/wait/address';
import { nothingToRegister } from '../ImojeTrigger/shops';
import { waitProperties } from './properties';
import { waitForPayment } from './waitForPayment';
import { paymentWebhook } from './webhook';

/**
 * imoje Wait for Payment: pauses the execution until imoje notifies that a payment link or
 * transaction is paid or will not be. A node of its own rather than an operation of the
 * imoje node: in n8n 2.38.7 a declarative node that has a `webhook` gets no input data for
 * its expressions (WorkflowExecute.prepareConnectionInputData), so every routed operation
 * of the imoje node would fail on `{{ $json… }}` (docs/wait-for-payment.md#why-a-node-of-its-own).
 */
// Not a tool on purpose: an AI agent cannot put its own execution to wait (issue 15, item 9);
// waitForPayment.ts refuses a tool variant too, should n8n make one of every community node.
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool
export class ImojeWait implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'imoje Wait for Payment',
		name: 'imojeWait',
		icon: { light: 'file:../../icons/imoje.svg', dark: 'file:../../icons/imoje.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "transaction" ? "for a transaction" : "for a payment link" }}',
		description: 'Pause the workflow until imoje says a payment link or transaction is paid, or will not be',
		defaults: { name: 'Wait for Payment' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imojeApi', required: true }],
		// Resumed by imoje's notification at `<n8n>/webhook-waiting/<executionId>/imoje?signature=…`,
		// the notificationUrl that Create's "Notify Wait for Payment Step" sets. n8n answers with
		// what webhook() returns (200 {"status":"ok"}) once the resumed run has started.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: WAIT_WEBHOOK_PATH,
				restartWebhook: true,
				isFullPath: true,
				responseMode: 'onReceived',
				responseData: '',
			},
		],
		waitingNodeTooltip: 'Waiting for imoje to notify that the payment is paid, or will not be',
		properties: waitProperties,
	};

	execute = waitForPayment;

	webhook = paymentWebhook;

	// A waiting step's webhook (restartWebhook): its address goes to imoje with each payment.
	webhookMethods = nothingToRegister;
}

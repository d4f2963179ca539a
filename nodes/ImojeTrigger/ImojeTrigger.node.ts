import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isRepeat, recordRun } from './dedupe';
import { isImojeSender, isWanted, readNotification } from './events';
import { DEFAULT_REPLAY_WINDOW_DAYS, triggerProperties } from './properties';
import { nothingToRegister, readSignedBody } from './shops';
import type { ShopKey } from './shops';

/**
 * imoje stops retrying only on a 200 with exactly this body
 * (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md).
 */
const OK_BODY = { status: 'ok' };

/** Filtered-out, repeated and too old notifications: 200 at once, or imoje retries them for days. */
const answerOk = (): IWebhookResponseData => ({ webhookResponse: OK_BODY });

/**
 * A notification that cannot be trusted or read. Production answers the code and runs nothing.
 * The Test URL throws instead, so n8n starts the test execution with this error and the editor
 * shows why (n8n then answers 500, which imoje also retries).
 */
function refuse(context: IWebhookFunctions, code: number, reason: string): IWebhookResponseData {
	context.logger.warn(`imoje Trigger refused a notification (${code}): ${reason}`);
	if (context.getMode() === 'manual') {
		throw new NodeOperationError(context.getNode(), `imoje notification refused: ${reason}`, {
			description: `In production this notification is answered ${code} and starts nothing.`,
		});
	}
	context.getResponseObject().status(code).json({ status: 'error', message: reason });
	return { noWebhookResponse: true };
}

const replayWindowSeconds = (days: unknown) => Math.max(0, (Number(days) || 0) * 86400);

export class ImojeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'imoje Trigger',
		name: 'imojeTrigger',
		icon: { light: 'file:../../icons/imoje.svg', dark: 'file:../../icons/imoje.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length ? $parameter["events"].join(", ") : "all notifications" }}',
		description: 'Starts the workflow when imoje notifies a payment, refund, payment link or card profile change',
		defaults: { name: 'imoje Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imojeApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'imoje',
				// n8n answers an accepted notification itself, once WorkflowRunner.run has stored the
				// execution; a failure to store becomes an error answer, so imoje retries and nothing
				// answered 200 is lost. An empty responseData makes that answer the webhookResponse
				// webhook() returns (extractWebhookOnReceivedResponse), with no expression to evaluate.
				responseMode: 'onReceived',
				responseData: '',
			},
		],
		properties: triggerProperties,
	};

	// imoje has no API to register a notification address: it is set in the panel.
	webhookMethods = nothingToRegister;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as { onlyImojeSenders?: boolean };

		// 1. The sender: imoje's published addresses, if the user asked for that.
		if (options.onlyImojeSenders && !isImojeSender(request.ip ?? request.socket?.remoteAddress)) {
			return refuse(this, 403, "sender address is not one of imoje's");
		}

		// 2. The signature, over the bytes as received, then 3. the body.
		const otherShops = ((this.getNodeParameter('otherShops', {}) as { shop?: ShopKey[] }).shop ?? []).filter((shop) => shop.shopId);
		const signed = await readSignedBody(this, otherShops);
		if (signed.refused) return refuse(this, signed.refused.code, signed.refused.reason);
		const notification = readNotification(signed.body);
		if (!notification) return refuse(this, 400, 'the body has no transaction, payment or paymentProfile');

		// 4. The user's filters.
		const wanted = isWanted(notification, {
			events: this.getNodeParameter('events', []) as string[],
			statuses: this.getNodeParameter('statuses', []) as string[],
			paymentMethods: this.getNodeParameter('paymentMethods', []) as string[],
			onlySavedCardPayments: this.getNodeParameter('onlySavedCardPayments', false) as boolean,
		});
		if (!wanted) return answerOk();

		// A test run shows every notification sent to it, repeats and old ones included.
		if (this.getMode() !== 'manual') {
			// 5. The replay window: a captured notification cannot be replayed later.
			const windowSeconds = replayWindowSeconds(this.getNodeParameter('replayWindowDays', DEFAULT_REPLAY_WINDOW_DAYS));
			const ageSeconds = Math.floor(Date.now() / 1000) - (notification.modified ?? Infinity);
			if (windowSeconds > 0 && ageSeconds > windowSeconds) {
				this.logger.warn(`imoje Trigger did not run notification ${notification.notificationKey}: changed ${ageSeconds} s ago, outside the replay window (answered 200)`);
				return answerOk();
			}

			// 6. Repeats.
			if ((this.getNodeParameter('dropDuplicates', true) as boolean) && (await isRepeat(this, notification, windowSeconds))) {
				this.logger.debug(`imoje Trigger did not run repeated notification ${notification.notificationKey} (answered 200)`);
				return answerOk();
			}
		}

		// 7. The run: n8n answers 200 {"status":"ok"} once it has stored the execution.
		return { webhookResponse: OK_BODY, workflowData: [this.helpers.returnJsonArray([notification.json as IDataObject])] };
	}

	/**
	 * The first step of each execution the webhook started: passes the notification on and
	 * records it in the run's static data, which n8n saves when the run ends (see recordRun).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getMode() !== 'manual' && (this.getNodeParameter('dropDuplicates', 0, true) as boolean)) {
			const notifications = items.flatMap((item) => readNotification(item.json) ?? []);
			recordRun(this, notifications, replayWindowSeconds(this.getNodeParameter('replayWindowDays', 0, DEFAULT_REPLAY_WINDOW_DAYS)));
		}
		return [items];
	}
}

import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { claimNotification, recordRun } from './dedupe';
import { isImojeSender, isWanted, readNotification } from './events';
import { DEFAULT_REPLAY_WINDOW_DAYS, triggerProperties } from './properties';
import { FAILURE_TEXT, verifyForShops } from './shops';
import type { ShopKey, TriggerCredential } from './shops';

/** imoje stops retrying only on a 200 with exactly this body. */
const OK_BODY = { status: 'ok' };

/** Filtered-out, repeated and too old notifications: 200 at once, or imoje retries them for days. */
const answerOk = (): IWebhookResponseData => ({ webhookResponse: OK_BODY });

/**
 * A notification that cannot be trusted or read. Production answers the code and runs nothing.
 * "Listen for test event" throws instead, so n8n starts the test execution with this error and
 * the editor shows why (n8n then answers 500, which imoje also retries).
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

/** Workflow and node: one trigger's notifications never shadow another's. */
const scopeOf = (context: IWebhookFunctions | IExecuteFunctions) => `${context.getWorkflow().id ?? ''}|${context.getNode().id}`;

interface Options {
	onlyImojeSenders?: boolean;
}

export class ImojeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Imoje Trigger',
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
				// n8n answers an accepted notification itself, once it has stored the execution
				// (WorkflowRunner.run), with this body; a failure to store becomes an error answer,
				// so imoje retries and nothing answered 200 is lost.
				responseMode: 'onReceived',
				responseData: '={{ ({ "status": "ok" }) }}',
			},
		],
		properties: triggerProperties,
	};

	// imoje has no API to register a notification address: it is set in the panel.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/**
	 * Runs as the first step of each execution the webhook started: passes the notification on
	 * and records it in the run's static data, which n8n saves when the run ends, so a repeat
	 * after a restart or on another webhook process is recognised (see recordRun).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getMode() === 'manual' || !(this.getNodeParameter('dropDuplicates', 0, true) as boolean)) return [items];
		const run = {
			staticData: this.getWorkflowStaticData('node'),
			scope: scopeOf(this),
			nowSeconds: Math.floor(Date.now() / 1000),
			windowSeconds: replayWindowSeconds(this.getNodeParameter('replayWindowDays', 0, DEFAULT_REPLAY_WINDOW_DAYS)),
		};
		for (const item of items) {
			const notification = readNotification(item.json);
			if (notification) recordRun({ ...run, ...notification });
		}
		return [items];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as Options;
		const testMode = this.getMode() === 'manual';

		if (options.onlyImojeSenders && !isImojeSender(request.ip ?? request.socket?.remoteAddress)) {
			return refuse(this, 403, 'sender address is not one of imoje\'s');
		}

		const credential = await this.getCredentials<TriggerCredential>('imojeApi');
		const otherShops = ((this.getNodeParameter('otherShops', {}) as { shop?: ShopKey[] }).shop ?? []).filter((shop) => shop.shopId);
		if (!credential.shopSecretKey && otherShops.length === 0) {
			return refuse(this, 401, 'the imoje credential has no Shop key, so notifications cannot be verified');
		}
		const rawBody = request.rawBody ?? Buffer.alloc(0);
		const check = verifyForShops({ rawBody, header: request.headers['x-imoje-signature'], credential, extraShops: otherShops });
		if (!check.valid) return refuse(this, 401, FAILURE_TEXT[check.reason]);

		let body: unknown;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return refuse(this, 400, 'the body is not JSON');
		}
		const notification = readNotification(body);
		if (!notification) return refuse(this, 400, 'the body has no transaction, payment or paymentProfile');

		const wanted = isWanted(notification, {
			events: this.getNodeParameter('events', []) as string[],
			statuses: this.getNodeParameter('statuses', []) as string[],
			paymentMethods: this.getNodeParameter('paymentMethods', []) as string[],
			onlySavedCardPayments: this.getNodeParameter('onlySavedCardPayments', false) as boolean,
		});
		if (!wanted) return answerOk();

		// A test run shows every notification sent to it, repeats and old ones included.
		if (!testMode) {
			const nowSeconds = Math.floor(Date.now() / 1000);
			const windowSeconds = replayWindowSeconds(this.getNodeParameter('replayWindowDays', DEFAULT_REPLAY_WINDOW_DAYS));
			if (windowSeconds > 0 && notification.modified !== undefined && notification.modified < nowSeconds - windowSeconds) {
				this.logger.warn(
					`imoje Trigger did not run notification ${notification.notificationKey}: changed ${nowSeconds - notification.modified} s ago, outside the replay window (answered 200)`,
				);
				return answerOk();
			}
			if (this.getNodeParameter('dropDuplicates', true) as boolean) {
				const claim = { staticData: this.getWorkflowStaticData('node'), scope: scopeOf(this), ...notification, nowSeconds, windowSeconds };
				for (;;) {
					const result = claimNotification(claim);
					if (result.isNew) {
						// n8n answers 200 only once the execution is stored; anything else (an error, or the
						// sender gone first) releases the claim so the retry runs.
						const response = this.getResponseObject();
						response.once('close', () => result.settle(response.writableFinished && response.statusCode === 200));
						break;
					}
					// A copy of one still being stored waits for it: answered 200 only if that one was.
					if (!result.pending || (await result.pending)) {
						this.logger.debug(`imoje Trigger did not run repeated notification ${notification.notificationKey} (answered 200)`);
						return answerOk();
					}
				}
			}
		}

		return {
			webhookResponse: OK_BODY,
			workflowData: [this.helpers.returnJsonArray([notification.json as IDataObject])],
		};
	}
}

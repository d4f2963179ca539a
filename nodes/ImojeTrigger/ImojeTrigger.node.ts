import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventOptions, isImojeSender, readNotification, statusOptions } from './events';
import { seenBefore } from './seen';
import { verifyImojeSignature } from './signature';
import { paymentMethodOptions } from '../Imoje/shared/options';

/**
 * imoje stops retrying only on a 200 with exactly this body. The node writes it itself:
 * left to n8n, an answer for a started execution would be n8n's own text.
 */
function answerOk(context: IWebhookFunctions): IWebhookResponseData {
	context.getResponseObject().status(200).json({ status: 'ok' });
	return { noWebhookResponse: true };
}

interface Options {
	onlyImojeSenders?: boolean;
}

function refuse(context: IWebhookFunctions, code: number, reason: string): IWebhookResponseData {
	context.logger.warn(`imoje Trigger refused a notification (${code}): ${reason}`);
	context.getResponseObject().status(code).json({ status: 'error', message: reason });
	return { noWebhookResponse: true };
}

export class ImojeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Imoje Trigger',
		name: 'imojeTrigger',
		icon: { light: 'file:../../icons/imoje.svg', dark: 'file:../../icons/imoje.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length ? $parameter["events"].join(", ") : "all notifications" }}',
		description: 'Starts the workflow when imoje notifies a payment, refund or payment link change',
		defaults: { name: 'imoje Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imojeApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'imoje' }],
		properties: [
			{
				displayName:
					'imoje has no API for webhooks: paste this node\'s Production URL into the imoje panel (Shops › your shop › Details › Settings › notification address), or pass it as Notification URL when creating a payment. imoje calls only public addresses on port 80 or 443 with no port number in them, so a local n8n needs a tunnel or a reverse proxy. The credential\'s Shop key is required: without it every notification is refused, because it could not be verified.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				options: eventOptions,
				description: 'Which notifications start the workflow. None selected: all.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: statusOptions,
				description: 'Only notifications with one of these statuses start the workflow. None selected: all.',
			},
			{
				displayName: 'Payment Methods',
				name: 'paymentMethods',
				type: 'multiOptions',
				default: [],
				options: paymentMethodOptions,
				description: 'Only payments made with one of these methods start the workflow. None selected: all.',
			},
			{
				displayName: 'Drop Repeated Notifications',
				name: 'dropDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to answer but not run for a notification already received (same transaction or payment, status and change time). imoje resends a notification until it is answered, and sometimes again later.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Only Accept Imoje Sender Addresses',
						name: 'onlyImojeSenders',
						type: 'boolean',
						default: false,
						description:
							'Whether to answer 403 to requests from outside imoje\'s published ranges (5.196.116.32/28, 51.195.95.0/28, 54.37.185.64/28, 54.37.185.80/28, 147.135.151.16/28). This is the client address n8n sees: behind a reverse proxy or tunnel, set N8N_PROXY_HOPS so n8n reads it from X-Forwarded-For, or every notification will be refused.',
					},
				],
			},
		],
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

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as Options;

		if (options.onlyImojeSenders && !isImojeSender(request.ip ?? request.socket?.remoteAddress)) {
			return refuse(this, 403, 'sender address is not one of imoje\'s');
		}

		const credentials = await this.getCredentials<{ shopSecretKey?: string; serviceId?: string }>('imojeApi');
		if (!credentials.shopSecretKey) {
			return refuse(this, 401, 'the imoje credential has no Shop key, so notifications cannot be verified');
		}
		const check = verifyImojeSignature({
			rawBody: request.rawBody ?? Buffer.alloc(0),
			header: request.headers['x-imoje-signature'],
			shopKey: credentials.shopSecretKey,
			serviceId: credentials.serviceId,
		});
		if (!check.valid) return refuse(this, 401, `signature check failed: ${check.reason}`);

		let body: unknown;
		try {
			body = JSON.parse(request.rawBody.toString('utf8'));
		} catch {
			return refuse(this, 400, 'the body is not JSON');
		}
		const notification = readNotification(body);
		if (!notification) return refuse(this, 400, 'the body has neither a transaction nor a payment');

		const events = this.getNodeParameter('events', []) as string[];
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const methods = this.getNodeParameter('paymentMethods', []) as string[];
		const wanted =
			(events.length === 0 || events.includes(notification.event)) &&
			(statuses.length === 0 || statuses.includes(notification.status ?? '')) &&
			(methods.length === 0 || methods.includes(notification.paymentMethod ?? ''));
		// Filtered-out and repeated notifications still get imoje's 200, or imoje retries them for days.
		if (!wanted) return answerOk(this);
		if (this.getNodeParameter('dropDuplicates', true) && seenBefore(this.getWorkflowStaticData('node'), notification.dedupeKey)) {
			return answerOk(this);
		}

		return {
			...answerOk(this),
			workflowData: [this.helpers.returnJsonArray([notification.json as IDataObject])],
		};
	}
}

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readSignedBody } from '../ImojeTrigger/shops';
import { isObject } from '../Imoje/request/output';
import { decideByNotification, resultItem } from './outcome';
import type { Target } from './outcome';

/** imoje stops retrying on a 200 with exactly this body (docs/imoje-api.md#notifications). */
const OK_BODY = { status: 'ok' };

/** Answered by the step itself; no workflowData, so the execution keeps waiting. */
function refuse(context: IWebhookFunctions, code: number, reason: string): IWebhookResponseData {
	context.logger.warn(`imoje Wait for Payment refused a call (${code}): ${reason}`);
	context.getResponseObject().status(code).json({ status: 'error', message: reason });
	return { noWebhookResponse: true };
}

/** What this execution waits for: the `wait` of the time-limit item that the waiting step holds (waitForPayment.ts). */
function targetOf(context: IWebhookFunctions): Target | undefined {
	const wait = context.evaluateExpression('{{ $json.wait }}', 0) as unknown;
	return isObject(wait) && typeof wait.id === 'string' && (wait.for === 'paymentLink' || wait.for === 'transaction') ? (wait as unknown as Target) : undefined;
}

/**
 * A call to the waiting step: imoje's notification of a payment, to the notificationUrl a
 * Create step set (`notifyWaitStep`). Checked as the imoje Trigger checks one (signature
 * with the shop key, shop, merchant). Only a final notification of the payment waited for
 * resumes the execution; every other signed one is answered 200 and changes nothing. Never
 * throws: a webhook that throws ends the waiting execution with an error.
 */
export async function paymentWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		const signed = await readSignedBody(this, []);
		if (signed.refused) return refuse(this, signed.refused.code, signed.refused.reason);
		const { body } = signed;
		if (!isObject(body)) return refuse(this, 400, 'the body is not a JSON object');
		const target = targetOf(this);
		// imoje retries anything but 200, so nothing is lost while this cannot be read.
		if (!target) return refuse(this, 503, 'this execution does not say which payment it waits for');
		const decision = decideByNotification(body, target);
		if (!decision) return { webhookResponse: OK_BODY };
		const item = resultItem(decision, 'notification', target, { notification: body as IDataObject });
		return { webhookResponse: OK_BODY, workflowData: [[{ json: item }]] };
	} catch (error) {
		this.logger.error(`imoje Wait for Payment could not handle a call: ${(error as Error).message}`);
		return refuse(this, 500, 'the call could not be handled; imoje will send it again');
	}
}

import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * The path after `/webhook-waiting/<executionId>/` that reaches a waiting Wait for Payment
 * step. n8n looks it up among the webhooks of the step that waits, the execution's last
 * (WaitingWebhooks.getWebhookExecutionData), so one fixed path serves every imoje step.
 */
export const WAIT_WEBHOOK_PATH = 'imoje';

/**
 * The address that resumes this execution's waiting Wait for Payment step: n8n's
 * `$execution.resumeUrl` (`<base>/webhook-waiting/<executionId>?signature=<token>`, one
 * token per execution) with the step's path before the query. Read from the workflow data
 * proxy, which is plain code: no expression is evaluated.
 */
export function waitStepUrl(context: IExecuteSingleFunctions): string {
	const resumeUrl = String(context.getWorkflowDataProxy(context.getItemIndex()).$execution.resumeUrl);
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${WAIT_WEBHOOK_PATH}`;
	return url.toString();
}

/** Whether an address is such a step's (to word errors about it). */
export const isWaitStepUrl = (url: string) => /\/webhook-waiting\/[^/?]+\//.test(url);

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, JsonObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { rules } from '../Imoje/fields/rules';
import { DEFAULT_TIMEOUT_MS, imojeApiError, timedOut } from '../Imoje/request/errors';
import { isObject } from '../Imoje/request/output';
import { atTimeLimit, decideByStatus, resultItem, validToOf } from './outcome';
import type { Target, WaitedFor } from './outcome';

/**
 * imoje Wait for Payment's execute(), for a payment link or a transaction. One payment per
 * execution: the execution waits once, and one call resumes it.
 *
 * 1. imoje is asked for the payment's status (GET); decided already -> the item at once.
 * 2. Otherwise the execution waits (n8n's `waiting`) until the node's webhook takes a
 *    final notification of the payment (webhook.ts), or until the time limit.
 */

export interface WaitOptions {
	limitType?: 'auto' | 'afterInterval' | 'atDate';
	limitAmount?: number;
	limitUnit?: 'minutes' | 'hours' | 'days';
	limitDate?: string;
	authorizedIsPaid?: boolean;
}

const MINUTE = 60_000;
const UNIT_MS = { minutes: MINUTE, hours: 60 * MINUTE, days: 24 * 60 * MINUTE };
/** A link's own expiry plus this, so that imoje's notification of the expiry comes first. */
export const AFTER_LINK_EXPIRY_MS = 60 * MINUTE;
/** The limit when the payment has no expiry of its own. */
export const DEFAULT_LIMIT_MS = 7 * UNIT_MS.days;

const ID = {
	paymentLink: { parameter: 'paymentId', label: 'Payment Link ID', url: '/payment/' },
	transaction: { parameter: 'transactionId', label: 'Transaction ID', url: '/transaction/' },
} as const;

/** When the wait ends at the latest, by the user's choice; `validTo` is the payment's own expiry. */
export function timeLimit(options: WaitOptions, validTo: number | undefined, now: number): Date | string {
	const type = options.limitType ?? 'auto';
	if (type === 'afterInterval') {
		const amount = Number(options.limitAmount ?? 1);
		if (!Number.isFinite(amount) || amount <= 0) return 'Invalid "Time Limit Amount": must be a number above 0';
		return new Date(now + amount * UNIT_MS[options.limitUnit ?? 'hours']);
	}
	if (type === 'atDate') {
		const at = new Date(String(options.limitDate ?? ''));
		if (Number.isNaN(at.getTime())) return 'Invalid "Time Limit Date": must be a date and time';
		if (at.getTime() <= now) return `Invalid "Time Limit Date": must be in the future (got ${at.toISOString()})`;
		return at;
	}
	return new Date(validTo !== undefined ? validTo * 1000 + AFTER_LINK_EXPIRY_MS : now + DEFAULT_LIMIT_MS);
}

/** GET the payment, as imoje answers it; imoje's refusal as a NodeApiError with its code. */
async function statusOf(context: IExecuteFunctions, waitedFor: WaitedFor, id: string): Promise<IDataObject> {
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${ID[waitedFor].url}${encodeURIComponent(id)}`,
		headers: { Accept: 'application/json' },
		json: true,
		timeout: DEFAULT_TIMEOUT_MS,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, 'imojeApi', request);
	} catch (error) {
		const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
		if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw timedOut(context.getNode(), DEFAULT_TIMEOUT_MS, 0);
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	if (response.statusCode >= 300 || !isObject(response.body)) throw imojeApiError(context.getNode(), response.statusCode, response.body);
	return response.body;
}

function fail(context: IExecuteFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description, itemIndex: 0 });
}

export async function waitForPayment(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	try {
		// n8n names a node's tool variant `<type>Tool`: an agent would put its own execution to wait.
		if (this.getNode().type.endsWith('Tool')) {
			fail(this, 'Wait for Payment cannot be used by an AI agent', 'An agent cannot put its own execution to wait. Put imoje Wait for Payment in the workflow after the agent.');
		}
		if (items.length !== 1) {
			fail(
				this,
				`Wait for Payment waits for one payment per execution, and got ${items.length} items`,
				'One call from imoje resumes one waiting execution. Give this step one item, for example by calling a sub-workflow once per payment (Execute Workflow, mode "Run once for each item").',
			);
		}
		const waitedFor = this.getNodeParameter('resource', 0) as WaitedFor;
		const { parameter, label } = ID[waitedFor];
		const id = String(this.getNodeParameter(parameter, 0, '', { extractValue: true }) ?? '').trim();
		if (id === '') fail(this, `Invalid "${label}": is required`, 'It is empty.');
		const problem = rules.uuid(id);
		if (problem) fail(this, `Invalid "${label}": ${problem}`, `Got "${id}".`);
		const options = this.getNodeParameter('waitOptions', 0, {}) as WaitOptions;

		const now = Date.now();
		const body = await statusOf(this, waitedFor, id);
		const until = timeLimit(options, validToOf(body), now);
		if (typeof until === 'string') fail(this, until);
		const target: Target = { for: waitedFor, id, authorizedIsPaid: options.authorizedIsPaid === true, until: until.toISOString() };

		const decision = decideByStatus(body, target);
		if (decision) return [[{ json: resultItem(decision, 'statusCheck', target, { statusCheck: body }), pairedItem: { item: 0 } }]];

		// At the time limit n8n resumes the execution without running this step again: it
		// passes on what its execution-stack entry holds (WorkflowExecute.handleWaitingState,
		// then handleDisabledNode). So that entry is made to hold the time-limit item, which
		// also tells the webhook what this execution waits for (webhook.ts).
		const atLimit = resultItem(atTimeLimit(body, target), 'timeLimit', target, { statusCheck: body });
		this.getExecuteData().data = { main: [[{ json: atLimit, pairedItem: { item: 0 } }]] };
		await this.putExecutionToWait(until);
		return [items];
	} catch (error) {
		if (!this.continueOnFail()) throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
		return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
	}
}

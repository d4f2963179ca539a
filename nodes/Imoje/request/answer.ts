import { NodeApiError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';

import { ImojeInputError, imojeApiError, notImojeAnswer, timedOut } from './errors';
import { isObject, toItems } from './output';
import { DEFAULT_TIMEOUT_MS } from './prepare';

/**
 * What becomes of imoje's answer, declared on each operation
 * (`routing.output.postReceive: [answer(...)]`): an HTTP error becomes a NodeApiError with
 * imoje's code, message and field errors; a 2xx that is not imoje's JSON becomes an
 * error too (a "successful" item without an id would mislead the next node); a success
 * becomes items (see toItems), cut to Limit for a Get Many.
 */
export function answer(options: { emptyMeansDone?: boolean; limit?: boolean } = {}): PostReceiveAction {
	return async function readAnswer(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (response.statusCode >= 400) throw imojeApiError(this.getNode(), response.statusCode, response.body);
		const { body } = response;
		const empty = body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
		// imoje documents no body for capture, void, deactivate and trusted IPs set: empty means done.
		if (empty ? !options.emptyMeansDone : !isObject(body) && !Array.isArray(body)) {
			throw notImojeAnswer(this.getNode(), response.statusCode, body);
		}
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const items = toItems(empty ? undefined : body, simplify).map((json) => ({ json }));
		return options.limit ? limitResults(this, items) : items;
	};
}

/**
 * Cuts a Get Many answer to Limit unless Return All is on. imoje has no paging on these
 * lists, so the cut happens after the answer. The trusted IPs stay one item
 * (`{trustedIps: [...]}`, the shape Set takes back), so there the list inside is cut.
 */
function limitResults(context: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	if (context.getNodeParameter('returnAll', false)) return items;
	const limit = Number(context.getNodeParameter('limit', 50));
	// An expression can give any number; the field's own minimum covers typed values only.
	if (!Number.isInteger(limit) || limit < 1) {
		throw new ImojeInputError(context.getNode(), `Invalid "Limit": must be a whole number, 1 or more (got ${String(limit)})`, {
			itemIndex: context.getItemIndex(),
		});
	}
	const only = items.length === 1 ? items[0].json : undefined;
	const list = only && Array.isArray(only.trustedIps) ? (only.trustedIps as IDataObject[]) : undefined;
	if (only && list) return [{ ...items[0], json: { ...only, trustedIps: list.slice(0, limit) } }];
	return items.slice(0, limit);
}

const isTimeout = (error: unknown): boolean => {
	const { code, message, cause } = (error ?? {}) as { code?: string; message?: string; cause?: unknown };
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /\btime(d)? ?out\b/i.test(message ?? '')) return true;
	return cause !== undefined && cause !== error && isTimeout(cause);
};

/**
 * Makes each request and says plainly that imoje did not answer in time, instead of
 * n8n's "The connection was aborted, perhaps the server is offline" (a create may have
 * happened: the user must check before retrying). n8n's RoutingNode lets a declarative
 * node see a failed request in one place only: its request-operations function, which
 * n8n names `pagination`.
 */
export async function sendOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await this.makeRoutingRequest(requestData);
	} catch (error) {
		if (isTimeout(error)) throw timedOut(this.getNode(), Number(requestData.options.timeout ?? DEFAULT_TIMEOUT_MS), this.getItemIndex());
		// Already a NodeApiError from n8n's request helper; the constructor hands it back unchanged.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

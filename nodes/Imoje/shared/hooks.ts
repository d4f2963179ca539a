import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';

import { imojeApiError } from './errors';
import { isObject, toItems } from './output';
import { findProblems, rules } from './validation';

/** Where every create operation keeps its optional fields, including the raw JSON escape hatch. */
export const EXTRA_BODY_PARAMETER = 'additionalFields.extraBody';

function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(source)) {
		target[key] = isObject(value) && isObject(target[key]) ? deepMerge({ ...(target[key] as IDataObject) }, value) : value;
	}
	return target;
}

/**
 * Optional fields left empty are routed as `undefined`; drop them, and drop objects
 * that held nothing else (a cart item's `discount` with neither amount nor tax).
 */
function prune(body: IDataObject): IDataObject {
	const pruneValue = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(pruneValue);
		if (!isObject(value)) return value;
		const kept = Object.entries(value)
			.map(([key, inner]) => [key, pruneValue(inner)] as const)
			.filter(([, inner]) => inner !== undefined);
		return kept.length === 0 && Object.keys(value).length > 0 ? undefined : Object.fromEntries(kept);
	};
	return (pruneValue(body) as IDataObject | undefined) ?? {};
}

function invalid(context: IExecuteSingleFunctions, field: string, problem: string, description?: string) {
	return new NodeOperationError(context.getNode(), `Invalid "${field}": ${problem}`, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/** Reads the "Extra Body Fields (JSON)" option: an object, given as JSON text or by an expression. */
function extraBody(context: IExecuteSingleFunctions): IDataObject {
	const raw = context.getNodeParameter(EXTRA_BODY_PARAMETER, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return {};
	const parsed = typeof raw === 'string' ? jsonParse<unknown>(raw, { fallbackValue: undefined }) : raw;
	if (!isObject(parsed)) {
		throw invalid(context, 'Extra Body Fields (JSON)', 'must be a JSON object such as {"oneclick": "FIRST"}');
	}
	return parsed;
}

/**
 * Runs once per item after n8n has built the request from the fields: merges the raw
 * JSON fields, drops the empty body n8n gives GET and DELETE, and refuses to send a
 * body that breaks imoje's rules, naming the field.
 */
export async function prepareRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = deepMerge(prune(isObject(requestOptions.body) ? requestOptions.body : {}), extraBody(this));
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	if ((method === 'GET' || method === 'DELETE') && Object.keys(body).length === 0) {
		delete requestOptions.body;
	} else {
		requestOptions.body = body;
	}
	const [first, ...more] = findProblems(body);
	if (first) {
		const others = more.map(({ field, problem }) => `"${field}": ${problem}`).join('\n');
		throw invalid(this, first.field, first.problem, others ? `Also:\n${others}` : undefined);
	}
	return requestOptions;
}

/** A preSend that checks an ID field used in the URL path (body fields are checked by prepareRequest). */
export function requireImojeId(parameter: string, label: string): PreSendAction {
	return async function checkImojeId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = String(this.getNodeParameter(parameter, '')).trim();
		const problem = rules.uuid(value);
		if (problem) throw invalid(this, label, problem, value ? `Got "${value}".` : 'It is empty.');
		return requestOptions;
	};
}

/** "Never Expires" sends `validTo: null`, which imoje reads as "this payment does not expire". */
export async function neverExpire(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (!this.getNodeParameter('additionalFields.neverExpires', false)) return requestOptions;
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.validTo !== undefined && body.validTo !== null) {
		throw invalid(this, 'Never Expires', 'cannot be combined with "Valid Until"; remove one of them');
	}
	requestOptions.body = { ...body, validTo: null };
	return requestOptions;
}

/**
 * Every answer passes here first: an HTTP error becomes a NodeApiError with imoje's
 * code, message and field errors; a success becomes items (see toItems).
 */
export async function handleResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw imojeApiError(this.getNode(), response.statusCode, response.body);
	}
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return toItems(response.body, simplify).map((json) => ({ json }));
}

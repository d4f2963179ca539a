import { NodeApiError, jsonParse } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PreSendAction,
} from 'n8n-workflow';

import type { AmountUnit } from './amount';
import { CREDENTIAL_SHOP_ID } from './baseUrl';
import { deepMerge, typeName } from './body';
import { shapeBody } from './bodyPaths';
import { ImojeInputError, imojeApiError, notImojeAnswer, timedOut } from './errors';
import { normalizeBody } from './normalize';
import { isObject, toItems } from './output';
import { findProblems, rules } from './validation';

/** Where every create operation keeps its optional fields, including the raw JSON escape hatch. */
export const EXTRA_BODY_PARAMETER = 'additionalFields.extraBody';
const EXTRA_BODY_LABEL = 'Extra Body Fields (JSON)';

/**
 * Used when the node's Request Options › Timeout is not set, instead of n8n's 300 s. imoje's
 * own WooCommerce plugin gives up after 10 s (plugins-imoje, payment-core/src/Api.php,
 * DEFAULT_TIMEOUT); 30 s leaves room for slow payment providers behind imoje.
 */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** "resource.operation" of the item being sent. */
const fieldsOf = (context: IExecuteSingleFunctions) =>
	`${String(context.getNodeParameter('resource', ''))}.${String(context.getNodeParameter('operation', ''))}`;

function invalid(context: IExecuteSingleFunctions, field: string, problem: string, description?: string) {
	return new ImojeInputError(context.getNode(), `Invalid "${field}": ${problem}`, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/**
 * JSON fields without routing (n8n's routing would fail on broken JSON with a bare parser
 * message): parameter, the body key it fills (none: merged into the body), and its label.
 */
const JSON_OPTIONS: Array<[string, string | undefined, string]> = [
	['additionalFields.card', 'card', 'Card Data (JSON)'],
	['additionalFields.additionalData', 'additionalData', 'Additional Data (JSON)'],
	[EXTRA_BODY_PARAMETER, undefined, EXTRA_BODY_LABEL],
];

/** Reads a JSON option: an object, given as JSON text or by an expression; blank is nothing. */
function jsonOption(context: IExecuteSingleFunctions, parameter: string, label: string): IDataObject {
	const raw = context.getNodeParameter(parameter, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return {};
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			parsed = jsonParse<unknown>(raw);
		} catch (error) {
			throw invalid(context, label, 'is not valid JSON', (error as Error).message);
		}
	}
	if (!isObject(parsed)) {
		throw invalid(context, label, `must be a JSON object ({…}), not ${typeName(parsed)}`);
	}
	return parsed;
}

/** The JSON options as one object to merge into the body; Extra Body Fields last, so it wins. */
function jsonOptions(context: IExecuteSingleFunctions): IDataObject {
	const merged: IDataObject = {};
	for (const [parameter, key, label] of JSON_OPTIONS) {
		const value = jsonOption(context, parameter, label);
		if (Object.keys(value).length === 0) continue;
		deepMerge(merged, key ? { [key]: value } : value);
	}
	return merged;
}

const parameterText = (context: IExecuteSingleFunctions, name: string) =>
	String(context.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();

/**
 * Fills the `{parameter}` placeholders of the URL path (see pathId) with the parameters,
 * trimmed and encoded. An empty Shop ID becomes the credential's, which the credential
 * fills in itself.
 */
function fillPath(context: IExecuteSingleFunctions, url: string): string {
	return url.replace(/\{([A-Za-z]\w*)\}/g, (placeholder, name: string) => {
		if (placeholder === CREDENTIAL_SHOP_ID) return placeholder;
		const value = parameterText(context, name);
		if (name === 'shop' && value === '') return CREDENTIAL_SHOP_ID;
		return encodeURIComponent(value);
	});
}

/** A body value `{name}` under the key `name` (see pathId) is that parameter, trimmed. */
function fillBody(context: IExecuteSingleFunctions, body: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(body)) {
		if (value === `{${key}}`) body[key] = parameterText(context, key);
	}
	return body;
}

/**
 * Runs once per item after n8n has built the request from the fields: fills the URL
 * path and ID placeholders, shapes lists and empty optional values (see shapeBody),
 * brings the body to imoje's JSON types (see normalizeBody), merges the raw JSON fields,
 * drops the empty body n8n gives GET and DELETE, and refuses to send a body that breaks
 * imoje's rules, naming the field.
 */
export async function prepareRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (requestOptions.url) requestOptions.url = fillPath(this, requestOptions.url);
	const built = isObject(requestOptions.body) ? shapeBody(fillBody(this, requestOptions.body)) : {};
	// "Shop ID" left empty: the credential's (checked by the credential when it fills it in).
	if (built.serviceId === '') built.serviceId = CREDENTIAL_SHOP_ID;
	const { body: fields, problems } = normalizeBody(built, {
		unit: this.getNodeParameter('amountUnit', 'smallest') as AmountUnit,
		fit: this.getNodeParameter('fitText', false) as boolean,
		requireReturnUrls: fieldsOf(this) === 'transaction.create',
	});
	const body = deepMerge(fields, jsonOptions(this));
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	if ((method === 'GET' || method === 'DELETE') && Object.keys(body).length === 0) {
		delete requestOptions.body;
	} else {
		requestOptions.body = body;
	}
	const reported = new Set(problems.map(({ field }) => field));
	// The credential's Shop ID is checked by the credential when it fills in the placeholder.
	const checked = body.serviceId === CREDENTIAL_SHOP_ID ? { ...body, serviceId: undefined } : body;
	const [first, ...more] = [...problems, ...findProblems(checked).filter(({ field }) => !reported.has(field))];
	if (first) {
		const others = more.map(({ field, problem }) => `"${field}": ${problem}`).join('\n');
		throw invalid(this, first.field, first.problem, others ? `Also:\n${others}` : undefined);
	}
	if (!this.getNodeParameter('requestOptions.timeout', 0)) requestOptions.timeout = DEFAULT_TIMEOUT_MS;
	return requestOptions;
}

/** A preSend that checks an ID field used in the URL path (body fields are checked by prepareRequest). */
export function requireImojeId(parameter: string, label: string): PreSendAction {
	return async function checkImojeId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		// extractValue: the field is a resource locator ({ mode, value }) in the editor.
		const value = String(this.getNodeParameter(parameter, '', { extractValue: true }) ?? '').trim();
		const problem = value ? rules.uuid(value) : 'is required';
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
 * Operations imoje answers with no documented body (API.md: capture, void, deactivate,
 * trusted IPs set): an empty 2xx there means done. Everywhere else imoje sends JSON.
 */
const MAY_ANSWER_EMPTY = new Set(['transaction.capture', 'transaction.void', 'paymentProfile.deactivate', 'trustedIp.set']);

/**
 * Every answer passes here first: an HTTP error becomes a NodeApiError with imoje's
 * code, message and field errors; a 2xx that is not imoje's JSON becomes an error too
 * (a "successful" item without an id would mislead the next node); a success becomes
 * items (see toItems).
 */
export async function handleResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw imojeApiError(this.getNode(), response.statusCode, response.body);
	}
	const { body } = response;
	const empty = body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
	if (empty ? !MAY_ANSWER_EMPTY.has(fieldsOf(this)) : !isObject(body) && !Array.isArray(body)) {
		throw notImojeAnswer(this.getNode(), response.statusCode, body);
	}
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return toItems(empty ? undefined : body, simplify).map((json) => ({ json }));
}

const isTimeout = (error: unknown): boolean => {
	const { code, message, cause } = (error ?? {}) as { code?: string; message?: string; cause?: unknown };
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /\btime(d)? ?out\b/i.test(message ?? '')) return true;
	return cause !== undefined && cause !== error && isTimeout(cause);
};

/**
 * Wraps each request (as n8n's `requestOperations.pagination` function, the one hook
 * around the HTTP call of a declarative node) to say plainly that imoje did not answer
 * in time, instead of n8n's "connection aborted".
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

import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** imoje's error envelope: `{ apiErrorResponse: { code, message, instance, errors: [{ property, message }] } }`. */
interface ImojeErrorBody {
	code?: string;
	message?: string;
	errors?: Array<{ property?: string; message?: string }>;
}

const HINTS: Record<number, string> = {
	401: 'imoje did not accept the Authorization token. Copy it again from the imoje panel (Shops › Details › Data for integration) into the credential, and check the environment (production or sandbox).',
	403: 'imoje refused access. Check that the token belongs to this Merchant ID and that the Shop ID is one of its shops.',
	404: 'imoje found nothing at this address. Check the ID, the Merchant ID and the environment (an ID from the sandbox does not exist in production).',
};

/**
 * Bad input, found before any request: the one kind of input error the node throws,
 * typed value or expression alike. It reports itself as n8n's NodeOperationError. It has
 * to extend NodeApiError: n8n's RoutingNode runs preSend and postReceive inside the
 * request promise and wraps whatever rejects it, unless it is a NodeApiError, into a
 * NodeApiError with HTTP code "none" (RoutingNode.runNode, after Promise.allSettled),
 * which the editor shows as "From imoje · Error code: none". This one passes unchanged
 * and carries nothing that makes the editor show an API block (no HTTP code, response or
 * raw messages): users see the message and description, as for a NodeOperationError.
 */
export class ImojeInputError extends NodeApiError {
	constructor(node: INode, message: string, options: { description?: string; itemIndex?: number } = {}) {
		super(node, {}, { message, description: options.description, itemIndex: options.itemIndex, level: 'warning' });
		this.name = 'NodeOperationError';
		this.httpCode = null;
		this.messages = [];
	}
}

/** A 2xx answer that is not imoje's JSON (an HTML page from a proxy, nothing at all). */
export function notImojeAnswer(node: INode, statusCode: number, body: unknown): NodeApiError {
	const text = excerpt(body);
	return new NodeApiError(node, { statusCode, body: text } as JsonObject, {
		httpCode: String(statusCode),
		message: text
			? `imoje answered HTTP ${statusCode} with a body that is not imoje's JSON`
			: `imoje answered HTTP ${statusCode} with an empty body where it sends JSON`,
		description: [
			'The request may or may not have been carried out: check in the imoje panel before retrying.',
			'A wrong Base URL in the credential (a page that is not the imoje API) gives this too.',
			text && `Body: ${text}`,
		].filter(Boolean).join('\n'),
	});
}

/** The request got no answer within the timeout. */
export function timedOut(node: INode, milliseconds: number, itemIndex?: number): NodeApiError {
	const seconds = Math.round(milliseconds / 100) / 10;
	return new NodeApiError(node, {}, {
		message: `The request to imoje timed out after ${seconds} seconds`,
		description:
			'imoje did not answer in time. The payment may or may not have been created: check in the imoje panel (or get it by its order ID) before retrying. The limit is the node\'s Request Options › Timeout (in milliseconds; 30 seconds when not set).',
		itemIndex,
	});
}

function envelopeOf(body: unknown): ImojeErrorBody | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const envelope = (body as JsonObject).apiErrorResponse ?? body;
	return typeof envelope === 'object' && envelope !== null ? (envelope as ImojeErrorBody) : undefined;
}

/** A short, tag-free excerpt of a body that is not JSON (an HTML error page from a proxy, say). */
function excerpt(body: unknown): string {
	const raw = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
	const plain = raw.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/**
 * Turns an imoje error answer into the error n8n shows: imoje's code and message as
 * the message, each `errors[].property: message` as a line of the description.
 * Only the response body is used, never the request, so the token cannot leak.
 */
export function imojeApiError(node: INode, statusCode: number, body: unknown): NodeApiError {
	const envelope = envelopeOf(body);
	const httpCode = String(statusCode);
	if (!envelope || (!envelope.message && !envelope.code && !envelope.errors)) {
		const text = excerpt(body);
		return new NodeApiError(node, { statusCode, body: text } as JsonObject, {
			httpCode,
			message: text
				? `imoje answered HTTP ${statusCode} with a body that is not imoje's JSON`
				: `imoje answered HTTP ${statusCode} with an empty body`,
			description: [HINTS[statusCode], text && `Body: ${text}`].filter(Boolean).join('\n'),
		});
	}
	const fieldErrors = (envelope.errors ?? [])
		.filter((error) => error && (error.property || error.message))
		.map((error) => `${error.property ?? 'request'}: ${error.message ?? ''}`.trim());
	const message = [envelope.code, envelope.message ?? `HTTP ${statusCode}`].filter(Boolean).join(': ');
	return new NodeApiError(node, envelope as JsonObject, {
		httpCode,
		message: `imoje error ${message}`,
		description: [...fieldErrors, HINTS[statusCode]].filter(Boolean).join('\n') || undefined,
	});
}

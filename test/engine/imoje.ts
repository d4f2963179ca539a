import nock from 'nock';

import { API } from './harness';

export interface Captured {
	method: string;
	path: string;
	headers: Record<string, string | string[]>;
	/** The parsed JSON body, or undefined when none was sent. */
	body: unknown;
}

/**
 * Stands in for imoje for every request to any path under the merchant: records what
 * arrived and answers with the given status and body.
 */
export function imojeAnswers(status: number, reply: unknown, headers: Record<string, string> = {}) {
	const captured: Captured[] = [];
	const scope = nock(API).persist();
	for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
		scope.intercept(/.*/, method).reply(function (path, requestBody) {
			const raw = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody);
			captured.push({
				method: this.req.method,
				path,
				headers: this.req.headers,
				body: raw === '' || raw === undefined ? undefined : JSON.parse(raw),
			});
			return [status, typeof reply === 'string' ? reply : JSON.stringify(reply), { 'Content-Type': 'application/json', ...headers }];
		});
	}
	return captured;
}

export function resetImoje() {
	nock.cleanAll();
	nock.disableNetConnect();
}

import type { NotificationBody } from '../../tools/imoje-sim';

export interface Received {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	raw: Buffer;
	text: string;
	/** The body parsed, undefined when it is not JSON. */
	json: NotificationBody | undefined;
	at: number;
}

export interface Receiver {
	url: string;
	received: Received[];
	setStatuses(statuses: number[]): void;
	close(): Promise<void>;
}

export function startReceiver(statuses?: number[]): Promise<Receiver>;
export function sleep(ms: number): Promise<void>;
export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number, what?: string): Promise<T>;

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
/** Resolves the first truthy value `fn` returns. */
export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number, what?: string): Promise<NonNullable<Exclude<T, false | 0 | ''>>>;

export interface CliRun {
	banner: string;
	url: string;
	stop(signal?: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; signal: string | null; output: string; errors: string }>;
}

export function startCli(args: string[], env?: Record<string, string>, timeoutMs?: number): Promise<CliRun>;

/** Folder of imoje's own pages (seeds), or null where this checkout cannot see them. */
export function seedsDir(): string | null;
/** A seed file's lines (index 0 = line 1), or null without seeds. */
export function seedLines(file: string): string[] | null;
/** Every .js file of tools/imoje-sim, by file name. */
export function simSources(): Record<string, string>;

export interface TempFolder {
	dir: string;
	file(name: string): string;
	exists(name: string): boolean;
	read(name: string): string;
	write(name: string, text: string): void;
	remove(): void;
}
export function tempFolder(): TempFolder;

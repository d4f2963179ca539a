// Types for ./wait.js (the Wait for Payment e2e rig).
import type { Simulator, SimulatorOptions } from '../../../tools/imoje-sim';
import type { N8nClient, N8nHandle } from './index';

export interface WaitRig {
	/** The simulator, in the test's process (allowLocalNotificationUrl on). */
	sim: Simulator;
	readonly n8n: N8nHandle;
	/** Logged in as the owner; a new one after each restart. */
	readonly client: N8nClient;
	readonly baseUrl: string;
	/** Seconds each start of n8n took. */
	startSeconds: number[];
	credentialData(overrides?: Record<string, unknown>): Record<string, unknown>;
	/** SIGTERM, then `n8n start` again on the same port and user folder. */
	restartN8n(): Promise<void>;
	/** n8n's output across restarts. */
	log(): string;
	post(urlPath: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string; json: unknown }>;
	stop(): Promise<void>;
}

export function startWaitRig(opts?: SimulatorOptions): Promise<WaitRig>;
/** The execution id in a resume URL `…/webhook-waiting/<executionId>/imoje?signature=…`. */
export function executionIdOf(url: string | null | undefined): string | undefined;

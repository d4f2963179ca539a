import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Remembers which notifications a trigger node has run, in two places:
 * - this process's memory, checked and recorded synchronously, so simultaneous copies of one
 *   notification (imoje retries while the first copy is still being stored) run once;
 * - the node's static data, which n8n loads for every request and saves when the run ends
 *   (see recordRun), so a repeat after a restart (or sent to another webhook process once the
 *   first one's run has ended) is recognised too.
 * n8n's own de-duplication store (the `processed_data` table behind Remove Duplicates) is not
 * offered to webhook functions (IWebhookFunctions.helpers in n8n-workflow 2.41 has no
 * checkProcessedAndRecord), and a community node may not write files, so static data is the
 * only store that survives a restart. To keep what one notification writes small, each is
 * kept as an 8-character fingerprint in an hourly bucket, and buckets older than the replay
 * window are dropped (older notifications are refused anyway).
 */

const FIELD = 'recentNotifications';
/** The list before this design: up to 1,000 full keys, about 95 KB. Dropped on the next write. */
const LEGACY_FIELD = 'seenNotifications';
/** 48 bits of SHA-256: a false match among 5,000 remembered keys is about 2e-11 per notification. */
export const FINGERPRINT_LENGTH = 8;
const BUCKET_SECONDS = 3600;
/** At most this many fingerprints are saved with the workflow (40 KB). */
export const SAVED_LIMIT = 5000;
/** At most this many are kept in memory per trigger node. */
export const MEMORY_LIMIT = 200_000;

type Buckets = Map<number, Set<string>>;
interface ScopeState {
	buckets: Buckets;
	/** The saved bucket strings already merged, so an unchanged record is not read again. */
	merged: Map<string, string>;
}

const scopes = new Map<string, ScopeState>();

export const fingerprint = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, FINGERPRINT_LENGTH);

const stateOf = (scope: string) => {
	let state = scopes.get(scope);
	if (!state) {
		state = { buckets: new Map(), merged: new Map() };
		scopes.set(scope, state);
	}
	return state;
};

/** Adds what another request, process or run saved to this process's memory. */
function mergeSaved(state: ScopeState, staticData: IDataObject) {
	const saved = staticData[FIELD];
	if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return;
	for (const [bucket, value] of Object.entries(saved as IDataObject)) {
		if (typeof value !== 'string' || state.merged.get(bucket) === value) continue;
		state.merged.set(bucket, value);
		const set = state.buckets.get(Number(bucket)) ?? new Set<string>();
		for (let i = 0; i + FINGERPRINT_LENGTH <= value.length; i += FINGERPRINT_LENGTH) set.add(value.slice(i, i + FINGERPRINT_LENGTH));
		state.buckets.set(Number(bucket), set);
	}
}

/** Newest bucket first. */
const bucketsByAge = (buckets: Buckets) => [...buckets.keys()].sort((a, b) => b - a);

function prune(buckets: Buckets, nowSeconds: number, windowSeconds: number) {
	let kept = 0;
	for (const bucket of bucketsByAge(buckets)) {
		const expired = windowSeconds > 0 && (bucket + 1) * BUCKET_SECONDS < nowSeconds - windowSeconds;
		kept += buckets.get(bucket)!.size;
		if (expired || kept > MEMORY_LIMIT) buckets.delete(bucket);
	}
}

function save(state: ScopeState, staticData: IDataObject) {
	const record: IDataObject = {};
	let room = SAVED_LIMIT;
	for (const bucket of bucketsByAge(state.buckets)) {
		if (room <= 0) break;
		const fingerprints = [...state.buckets.get(bucket)!].slice(-room);
		room -= fingerprints.length;
		record[bucket] = fingerprints.join('');
		state.merged.set(String(bucket), record[bucket] as string);
	}
	// Assigning marks the static data changed, so n8n saves it before it answers.
	staticData[FIELD] = record;
	if (LEGACY_FIELD in staticData) delete staticData[LEGACY_FIELD];
}

export interface Claim {
	/** Node static data of this request's workflow (or of the run's: see recordRun). */
	staticData: IDataObject;
	/** Workflow and node: one trigger's notifications never shadow another's. */
	scope: string;
	notificationKey: string;
	/** The notification's change time (unix seconds), else now. */
	modified?: number;
	nowSeconds: number;
	/** The replay window in seconds; 0 keeps everything up to the limits. */
	windowSeconds: number;
}

/** Adds the notification to memory and writes memory to the static data. */
function remember(state: ScopeState, print: string, claim: Claim) {
	const bucket = Math.floor((claim.modified ?? claim.nowSeconds) / BUCKET_SECONDS);
	const set = state.buckets.get(bucket) ?? new Set<string>();
	set.add(print);
	state.buckets.set(bucket, set);
	prune(state.buckets, claim.nowSeconds, claim.windowSeconds);
	save(state, claim.staticData);
}

/**
 * Records a notification whose execution is running, in the run's own static data. This is
 * what survives a restart: n8n saves a run's static data when the run ends
 * (execution-lifecycle-hooks.js, workflowExecuteAfter), in the main process and on a queue-mode
 * worker alike. The static data changed by the webhook request is not saved when there is a run:
 * n8n builds the run's Workflow over the same object, which clears its "changed" mark before
 * the request's save is attempted (live-webhooks.js, saveStaticData after WorkflowRunner.run).
 * Everything this process remembers is written with it, so the last run to end saves all of it.
 */
export function recordRun(claim: Claim): void {
	const state = stateOf(claim.scope);
	mergeSaved(state, claim.staticData);
	remember(state, fingerprint(claim.notificationKey), claim);
}

/** Copies still being stored, by scope and fingerprint: true once answered 200, false if not. */
const inFlight = new Map<string, Promise<boolean>>();

export type ClaimResult =
	| { isNew: true; settle: (answered200: boolean) => void }
	/** A repeat. `pending` while the first copy is still being stored: resolves to whether it was. */
	| { isNew: false; pending?: Promise<boolean> };

/**
 * Records the notification and tells whether it is new. Synchronous on purpose: a copy
 * arriving while the first is being stored finds the record already there, and can wait for
 * the first copy's outcome before answering (a 200 for a copy whose original then failed to
 * be stored would lose the notification).
 */
export function claimNotification(claim: Claim): ClaimResult {
	const state = stateOf(claim.scope);
	mergeSaved(state, claim.staticData);
	const print = fingerprint(claim.notificationKey);
	const flightKey = `${claim.scope}|${print}`;
	for (const set of state.buckets.values()) if (set.has(print)) return { isNew: false, pending: inFlight.get(flightKey) };
	// Other requests' saves carry this claim too, before it is stored: if storing fails and the
	// process restarts before the next save, imoje's retry would be taken for a repeat. That
	// needs a failed store, a concurrent successful one and a restart in between.
	remember(state, print, claim);
	let settle: (answered200: boolean) => void = () => {};
	inFlight.set(
		flightKey,
		new Promise<boolean>((resolve) => {
			settle = (answered200) => {
				inFlight.delete(flightKey);
				// Not stored: forget it, so imoje's retry (or a copy waiting on this one) runs.
				if (!answered200) for (const remembered of state.buckets.values()) remembered.delete(print);
				resolve(answered200);
			};
		}),
	);
	return { isNew: true, settle };
}

/** Forgets everything held in memory, as a restart does (tests). */
export function forgetProcessMemory(): void {
	scopes.clear();
	inFlight.clear();
}

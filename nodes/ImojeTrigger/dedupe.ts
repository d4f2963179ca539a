import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * Drops repeated notifications. The guarantee, as the editor states it (Drop Repeated
 * Notifications): within one running n8n process (in queue mode, one webhook process) every
 * repeat is dropped, copies arriving at the same moment included. After a restart, or on another
 * webhook process, a repeat is dropped once the first copy's execution has ended, because n8n
 * saves the record with the run; a repeat arriving while that execution still runs, or after n8n
 * stopped during it, can run again. Records are kept for the replay window, at most 5,000 saved.
 *
 * One entry per phase:
 * - isRepeat(), while answering: checks and records in this process's memory synchronously, so
 *   simultaneous copies run once, and holds a copy of one still being stored until that one's
 *   answer is known (a 200 for a copy whose original then failed to be stored would lose it);
 * - recordRun(), as the run's first step: writes the record into the run's static data, which n8n
 *   saves when the run ends (workflowExecuteAfter). What the answering phase writes is not saved
 *   when it starts a run: WorkflowRunner.run builds the run's Workflow over the same static data,
 *   which clears its "changed" mark before LiveWebhooks.executeWebhook saves it.
 * n8n's own de-duplication store (behind Remove Duplicates) is not offered to webhook functions,
 * and a community node may not write files, so static data is the only store that survives a
 * restart. Each notification is kept as an 8-character fingerprint in an hourly bucket.
 */

const FIELD = 'recentNotifications';
/** 48 bits of SHA-256: a false match among 5,000 remembered keys is about 2e-11 per notification. */
export const FINGERPRINT_LENGTH = 8;
const BUCKET_SECONDS = 3600;
/** At most this many fingerprints are saved with the workflow (40 KB). */
export const SAVED_LIMIT = 5000;
/** At most this many are kept in memory per trigger node. */
const MEMORY_LIMIT = 200_000;

/** What both phases know of a notification (see readNotification in events.ts). */
export interface Remembered {
	notificationKey: string;
	/** The notification's change time (unix seconds), if imoje sent it. */
	modified?: number;
}

type Buckets = Map<number, Set<string>>;
interface ScopeState {
	buckets: Buckets;
	/** The saved bucket strings already merged, so an unchanged record is not read again. */
	merged: Map<string, string>;
	/**
	 * Claims released because n8n did not answer them 200. A run that ended meanwhile may have
	 * saved them with everything else this process knew: merging that back must not turn imoje's
	 * retry into a "repeat" that is answered 200 and never runs.
	 */
	released: Set<string>;
}

/** Per workflow and node: one trigger's notifications never shadow another's. */
const scopes = new Map<string, ScopeState>();
/** Copies still being stored, by scope and fingerprint: true once answered 200, false if not. */
const inFlight = new Map<string, Promise<boolean>>();

const fingerprint = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, FINGERPRINT_LENGTH);

function stateOf(context: IWebhookFunctions | IExecuteFunctions) {
	const scope = `${context.getWorkflow().id ?? ''}|${context.getNode().id}`;
	let state = scopes.get(scope);
	if (!state) {
		state = { buckets: new Map(), merged: new Map(), released: new Set() };
		scopes.set(scope, state);
	}
	return { scope, state };
}

/** Adds what another request, process or run saved to this process's memory. */
function mergeSaved(state: ScopeState, staticData: IDataObject) {
	const saved = staticData[FIELD];
	if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return;
	for (const [bucket, value] of Object.entries(saved as IDataObject)) {
		if (typeof value !== 'string' || state.merged.get(bucket) === value) continue;
		state.merged.set(bucket, value);
		const set = state.buckets.get(Number(bucket)) ?? new Set<string>();
		for (let i = 0; i + FINGERPRINT_LENGTH <= value.length; i += FINGERPRINT_LENGTH) {
			const print = value.slice(i, i + FINGERPRINT_LENGTH);
			if (!state.released.has(print)) set.add(print);
		}
		state.buckets.set(Number(bucket), set);
	}
}

/** Newest bucket first. */
const bucketsByAge = (buckets: Buckets) => [...buckets.keys()].sort((a, b) => b - a);

/** Adds one fingerprint, drops buckets older than the window or over the memory limit, and writes the record. */
function remember(state: ScopeState, staticData: IDataObject, print: string, bucketTime: number, nowSeconds: number, windowSeconds: number) {
	const bucket = Math.floor(bucketTime / BUCKET_SECONDS);
	const set = state.buckets.get(bucket) ?? new Set<string>();
	set.add(print);
	state.buckets.set(bucket, set);
	let kept = 0;
	for (const age of bucketsByAge(state.buckets)) {
		const expired = windowSeconds > 0 && (age + 1) * BUCKET_SECONDS < nowSeconds - windowSeconds;
		kept += state.buckets.get(age)!.size;
		if (expired || kept > MEMORY_LIMIT) state.buckets.delete(age);
	}
	const record: IDataObject = {};
	let room = SAVED_LIMIT;
	for (const age of bucketsByAge(state.buckets)) {
		if (room <= 0) break;
		const fingerprints = [...state.buckets.get(age)!].slice(-room);
		room -= fingerprints.length;
		record[age] = fingerprints.join('');
		state.merged.set(String(age), record[age] as string);
	}
	// Assigning marks the static data changed, for n8n to save.
	staticData[FIELD] = record;
}

/**
 * The answering phase: whether this notification is a repeat, to be answered 200 without a run.
 * A new one is recorded at once and released again if n8n does not answer it 200 (its execution
 * could not be stored, or the sender left first), so imoje's retry runs. Everything this process
 * remembers goes into every write, so a record is saved with any run that ends after it.
 */
export async function isRepeat(context: IWebhookFunctions, notification: Remembered, windowSeconds: number): Promise<boolean> {
	const { scope, state } = stateOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const print = fingerprint(notification.notificationKey);
	const flightKey = `${scope}|${print}`;
	for (;;) {
		mergeSaved(state, staticData);
		if (![...state.buckets.values()].some((set) => set.has(print))) break;
		// A copy of one still being stored waits for it: a repeat only if that one was answered 200.
		const pending = inFlight.get(flightKey);
		if (!pending || (await pending)) return true;
	}
	const nowSeconds = Math.floor(Date.now() / 1000);
	state.released.delete(print);
	remember(state, staticData, print, notification.modified ?? nowSeconds, nowSeconds, windowSeconds);
	let settle: (answered200: boolean) => void = () => {};
	inFlight.set(flightKey, new Promise<boolean>((resolve) => (settle = resolve)));
	const response = context.getResponseObject();
	response.once('close', () => {
		const answered200 = response.writableFinished && response.statusCode === 200;
		inFlight.delete(flightKey);
		if (!answered200) {
			state.released.add(print);
			for (const set of state.buckets.values()) set.delete(print);
		}
		settle(answered200);
	});
	return false;
}

/**
 * The run phase: records the run's notifications in its static data, which n8n saves when the
 * run ends, so a repeat after a restart or on another webhook process is recognised.
 */
export function recordRun(context: IExecuteFunctions, notifications: Remembered[], windowSeconds: number): void {
	const { state } = stateOf(context);
	const staticData = context.getWorkflowStaticData('node');
	mergeSaved(state, staticData);
	const nowSeconds = Math.floor(Date.now() / 1000);
	for (const notification of notifications) {
		const print = fingerprint(notification.notificationKey);
		state.released.delete(print);
		remember(state, staticData, print, notification.modified ?? nowSeconds, nowSeconds, windowSeconds);
	}
}

/** Forgets everything held in memory, as a restart does (tests). */
export function forgetProcessMemory(): void {
	scopes.clear();
	inFlight.clear();
}

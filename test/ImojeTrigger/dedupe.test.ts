/**
 * Repeats run once: simultaneous copies in one process, sequential repeats, and repeats after
 * a restart (fresh module memory, the workflow's static data as n8n saved it).
 */
import { FINGERPRINT_LENGTH, SAVED_LIMIT, forgetProcessMemory } from '../../dist/nodes/ImojeTrigger/dedupe';
import { sleep } from 'n8n-workflow';

import { serveTrigger } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';
import { deliver, nowSeconds, settledPayment } from './fixtures';

let trigger: TriggerServer | undefined;
beforeEach(() => forgetProcessMemory());
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

const savedFingerprints = (data: Record<string, unknown>) =>
	Object.values((data['node:imoje Trigger'] as { recentNotifications?: Record<string, string> })?.recentNotifications ?? {}).join('').length / FINGERPRINT_LENGTH;

test('20 copies of one notification at once: one execution, twenty 200 {"status":"ok"}', async () => {
	trigger = await serveTrigger({});
	const body = settledPayment();
	const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(trigger!, body)));
	expect(answers.map((a) => [a.status, a.body])).toEqual(Array(20).fill([200, { status: 'ok' }]));
	expect(trigger.executions()).toHaveLength(1);
});

test('copies that arrive while the first fails to be stored wait for it: one of them runs, none is answered 200 unrun', async () => {
	trigger = await serveTrigger({});
	trigger.failNextStore();
	const body = settledPayment();
	const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(trigger!, body)));
	expect(answers.map((a) => a.status).sort()).toEqual([...Array(19).fill(200), 500]);
	expect(trigger.executions()).toHaveLength(1);
});

test('the same notification again later starts nothing; a new status of it starts again', async () => {
	trigger = await serveTrigger({});
	// One change time for both copies: the same notification, even if a second ticks between them.
	const modified = nowSeconds() - 60;
	const first = await deliver(trigger, settledPayment({ status: 'pending', modified }));
	const again = await deliver(trigger, settledPayment({ status: 'pending', modified }));
	const settled = await deliver(trigger, settledPayment());
	expect([first.started?.length, again.status, again.body, again.started, settled.started?.length]).toEqual([1, 200, { status: 'ok' }, undefined, 1]);
});

test('distinct notifications sent concurrently all run, and all are saved for after a restart', async () => {
	trigger = await serveTrigger({});
	const bodies = Array.from({ length: 50 }, (_, i) => settledPayment({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
	await Promise.all(bodies.map((body) => deliver(trigger!, body)));
	expect(trigger.executions()).toHaveLength(50);
	// The last save carries everything this process knew when it was made.
	expect(savedFingerprints(trigger.savedStaticData())).toBe(50);
});

test('after a restart, a repeat of a notification run before it starts nothing', async () => {
	trigger = await serveTrigger({});
	const body = settledPayment();
	await deliver(trigger, body);
	const saved = trigger.savedStaticData();
	await trigger.close();

	forgetProcessMemory();
	trigger = await serveTrigger({}, undefined, { staticData: saved });
	const repeat = await deliver(trigger, body);
	const other = await deliver(trigger, settledPayment({ status: 'cancelled' }));
	expect([repeat.status, repeat.body, repeat.started, other.started?.length]).toEqual([200, { status: 'ok' }, undefined, 1]);
});

test('one notification writes little: a fingerprint, not the body', async () => {
	trigger = await serveTrigger({});
	await deliver(trigger, settledPayment());
	const saved = JSON.stringify(trigger.savedStaticData());
	expect(saved.length).toBeLessThan(100);
	expect(savedFingerprints(trigger.savedStaticData())).toBe(1);
	expect(SAVED_LIMIT * FINGERPRINT_LENGTH).toBeLessThanOrEqual(40_000);
});

test('a notification whose execution could not be stored runs on retry, even when a run saved its claim meanwhile', async () => {
	trigger = await serveTrigger({});
	const body = settledPayment();
	const other = (n: number) => settledPayment({ id: `55555555-3da8-4f9e-82e8-93700000000${n}` });
	trigger.failNextStore();
	const failing = deliver(trigger, body);
	await sleep(50);
	// This run ends while the first is still being stored, and saves its claim with everything else.
	const ran = await deliver(trigger, other(1));
	const failed = await failing;
	// A claim made after the failure changes what this process would write, while the saved record still holds it.
	trigger.failNextStore();
	const pending = deliver(trigger, other(2));
	await sleep(50);
	const retried = await deliver(trigger, body);
	await pending;
	expect([failed.status, ran.started?.length, retried.status, retried.started?.length]).toEqual([500, 1, 200, 1]);
});

test('with dropping turned off, a repeat starts again', async () => {
	trigger = await serveTrigger({ dropDuplicates: false });
	const body = settledPayment();
	await deliver(trigger, body);
	expect((await deliver(trigger, body)).started).toHaveLength(1);
});

test('two trigger nodes do not shadow each other: the scope is workflow and node', async () => {
	trigger = await serveTrigger({});
	const body = settledPayment();
	await deliver(trigger, body);
	const other = await serveTrigger({}, undefined, { nodeId: '0b6f2a1e-9c3d-4e5f-8a7b-6c5d4e3f2a1b' });
	try {
		expect((await deliver(other, body)).started).toHaveLength(1);
		expect((await deliver(other, body)).started).toBeUndefined();
	} finally {
		await other.close();
	}
});

test('a test run ("Listen for test event") records nothing: the same notification sent to the production URL later runs', async () => {
	trigger = await serveTrigger({}, undefined, { mode: 'manual' });
	const body = settledPayment();
	expect((await deliver(trigger, body)).started).toHaveLength(1);
	const saved = trigger.savedStaticData();
	await trigger.close();
	trigger = await serveTrigger({}, undefined, { staticData: saved });
	expect((await deliver(trigger, body)).started).toHaveLength(1);
});

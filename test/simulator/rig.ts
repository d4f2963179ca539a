// A simulator with a local notification receiver, and axios clients for its merchant
// API and its control endpoints. Shared by the notification tests.
import axios, { type AxiosInstance } from 'axios';

import { createSimulator, type SimulatorOptions, type Simulator } from '../../tools/imoje-sim';
import { startReceiver, type Receiver } from './helpers';

export interface Rig {
	sim: Simulator;
	api: AxiosInstance;
	ctl: AxiosInstance;
	rx: Receiver;
}
const rigs: Rig[] = [];

/** Notifications go to the receiver, at `path` (default /imoje); `statuses` as startReceiver takes them. */
export async function rig(options: SimulatorOptions = {}, statuses?: number[], path = '/imoje'): Promise<Rig> {
	const rx = await startReceiver(statuses);
	const sim = createSimulator({ notificationUrl: rx.url.replace(/\/imoje$/, path), refundIntervalMs: 0, ...options });
	await sim.start();
	const api = axios.create({ baseURL: `${sim.baseUrl}/${sim.config.merchantId}`, headers: { Authorization: `Bearer ${sim.config.token}` }, validateStatus: () => true });
	const ctl = axios.create({ baseURL: sim.url as string, validateStatus: () => true });
	const r = { sim, api, ctl, rx };
	rigs.push(r);
	return r;
}

/** Stops every rig made since the last call (use in afterEach). */
export async function closeRigs(): Promise<void> {
	for (const r of rigs.splice(0)) {
		await r.sim.stop();
		await r.rx.close();
	}
}

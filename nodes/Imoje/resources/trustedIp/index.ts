import { returnAll } from '../../fields/field';
import { operationsOf } from '../operation';
import type { Operation } from '../../fields/field';
import { answer } from '../../request/answer';
import { prepare } from '../../request/prepare';
import { set } from './set';

/** GET /settings/ips: the addresses allowed to call the imoje API (docs/imoje-api.md#trusted-ips). */
export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get trusted IP addresses',
		description: 'Get the addresses allowed to call the imoje API for this merchant',
		routing: {
			request: { method: 'GET', url: '/settings/ips' },
			send: { preSend: [prepare(returnAll)] },
			output: { postReceive: [answer({ limit: true })] },
		},
	},
	fields: returnAll,
	forAgents: 'Get trusted IP addresses in imoje.',
};

export const trustedIpOperations = [getAll, set];
export const trustedIpOperation = operationsOf('trustedIp', 'getAll', trustedIpOperations);

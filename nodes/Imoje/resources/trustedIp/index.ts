import { returnAll } from '../../fields/field';
import { operation, operationsOf } from '../operation';
import { set } from './set';

/** GET /settings/ips: the addresses allowed to call the imoje API (docs/imoje-api.md#trusted-ips). */
export const getAll = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get trusted IP addresses',
	description: 'Get the addresses allowed to call the imoje API for this merchant',
	request: { method: 'GET', url: '/settings/ips' },
	fields: returnAll,
	answer: { limit: true },
});

export const trustedIpOperations = [getAll, set];
export const trustedIpOperation = operationsOf('trustedIp', 'getAll', trustedIpOperations);

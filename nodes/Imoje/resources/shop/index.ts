import { operationsOf } from '../operation';
import { get } from './get';
import { getAll } from './getAll';

export const shopOperations = [get, getAll];
export const shopOperation = operationsOf('shop', 'get', shopOperations);

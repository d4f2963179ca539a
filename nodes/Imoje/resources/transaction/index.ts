import { operationsOf } from '../operation';
import { capture, get, voidTransaction } from './byId';
import { create } from './create';

export const transactionOperations = [capture, create, get, voidTransaction];
export const transactionOperation = operationsOf('transaction', 'create', transactionOperations);

import { operationsOf } from '../operation';
import { deactivate, get } from './byId';
import { debit } from './debit';
import { getAll } from './getAll';

export const paymentProfileOperations = [deactivate, debit, get, getAll];
export const paymentProfileOperation = operationsOf('paymentProfile', 'debit', paymentProfileOperations);

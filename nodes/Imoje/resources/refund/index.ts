import { operationsOf } from '../operation';
import { checkPossibility } from './checkPossibility';
import { create } from './create';

export const refundOperations = [checkPossibility, create];
export const refundOperation = operationsOf('refund', 'create', refundOperations);

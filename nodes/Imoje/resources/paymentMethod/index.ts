import { operationsOf } from '../operation';
import { getAvailable } from './getAvailable';

export const paymentMethodOperations = [getAvailable];
export const paymentMethodOperation = operationsOf('paymentMethod', 'getAvailable', paymentMethodOperations);

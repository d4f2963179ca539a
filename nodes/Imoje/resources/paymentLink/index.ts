import { operationsOf } from '../operation';
import { cancel } from './cancel';
import { create } from './create';
import { get } from './get';

export const paymentLinkOperations = [cancel, create, get];
export const paymentLinkOperation = operationsOf('paymentLink', 'create', paymentLinkOperations);

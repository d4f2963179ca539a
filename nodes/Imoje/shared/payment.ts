import type { INodeProperties } from 'n8n-workflow';

import { addressOption } from './address';
import { customerOptions } from './customer';
import {
	descriptionOption,
	expiryOptions,
	extraBodyOption,
	notificationUrlOption,
	titleOption,
	visibleMethodOption,
} from './fields';
import { invoiceOption } from './invoice';
import { multipayoutOption } from './multipayout';

/**
 * The optional fields a new payment takes, whether it is a transaction or a payment
 * link, plus the ones only that operation has; sorted by name as n8n lists them.
 */
export function paymentOptions(only: INodeProperties[], multipayoutPath: 'multipayout' | 'data.multipayout'): INodeProperties[] {
	return [
		descriptionOption,
		addressOption('billing', 'Billing Address', true),
		...customerOptions,
		extraBodyOption,
		invoiceOption,
		multipayoutOption(multipayoutPath),
		...expiryOptions,
		notificationUrlOption,
		addressOption('shipping', 'Shipping Address', false),
		titleOption,
		visibleMethodOption,
		...only,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

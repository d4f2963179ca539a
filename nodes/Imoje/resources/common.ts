import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { propertiesOf, returnAll } from '../fields/field';
import type { Field } from '../fields/field';
import { paymentLinkId, paymentProfileId, shopInBody, shopInPath, transactionId } from '../fields/ids';
import { amountUnit, currency, customerEmail, customerFirstName, customerLastName, fitText, orderId, paymentAmount } from '../fields/payment';

/**
 * The fields several operations take, one property each, with the one show rule that
 * covers exactly those operations. n8n's RoutingNode evaluates every top-level
 * property's value for every item, shown or not: a field written as five properties
 * would evaluate an expression in it five times per item. Each operation's file lists
 * these fields among its own (in the same order), which is what prepare checks.
 */
const shownFor = (resource: string[], operation: string[], fields: Array<Field | INodeProperties>): INodeProperties[] =>
	updateDisplayOptions(
		{ show: { resource, operation } },
		fields.flatMap((f) => ('properties' in f ? f.properties : [f])),
	);

/**
 * The IDs an operation works on, first. Transaction ID is two properties: one rule for
 * refunds and for transactions would also show it for Transaction › Create.
 */
export const idProperties: INodeProperties[] = [
	...shownFor(['refund'], ['checkPossibility', 'create'], [transactionId]),
	...shownFor(['transaction'], ['capture', 'get', 'void'], [transactionId]),
	...shownFor(['paymentLink'], ['cancel', 'get'], [paymentLinkId]),
	...shownFor(['paymentProfile'], ['deactivate', 'debit', 'get'], [paymentProfileId]),
];

/** What is paid: amount, currency and order, for every operation that takes an amount. */
export const amountProperties: INodeProperties[] = [
	...shownFor(['paymentLink', 'paymentMethod', 'paymentProfile', 'refund', 'transaction'], ['checkPossibility', 'create', 'debit', 'getAvailable'], [
		amountUnit,
		paymentAmount,
	]),
	...shownFor(['paymentLink', 'paymentMethod', 'paymentProfile', 'transaction'], ['create', 'debit', 'getAvailable'], [currency]),
	...shownFor(['paymentLink', 'paymentProfile', 'transaction'], ['create', 'debit'], [orderId]),
];

/** Who pays: a payment link and a transaction name the payer. */
export const payerProperties: INodeProperties[] = shownFor(['paymentLink', 'transaction'], ['create'], [customerFirstName, customerLastName, customerEmail]);

/** Which shop, and whether text is fitted to imoje's rules. */
export const shopProperties: INodeProperties[] = [
	...shownFor(['paymentLink', 'paymentProfile', 'refund', 'transaction'], ['cancel', 'create', 'debit'], [shopInBody]),
	...shownFor(['paymentMethod', 'shop'], ['get', 'getAvailable'], [shopInPath]),
	...shownFor(['paymentLink', 'paymentProfile', 'refund', 'transaction'], ['create', 'debit'], [fitText]),
];

/** Return All and Limit of every Get Many. */
export const listProperties: INodeProperties[] = shownFor(['paymentMethod', 'paymentProfile', 'shop', 'trustedIp'], ['getAll', 'getAvailable'], propertiesOf(returnAll));

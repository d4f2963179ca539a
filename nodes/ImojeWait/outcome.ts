import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../Imoje/request/output';

/**
 * When a payment counts as paid, not paid, or not decided yet, read from imoje's
 * notification or from imoje's answer to a GET. Statuses:
 * https://bump.sh/pgw/doc/imoje-api-en/topic/topic-transaction-and-payment-link-statuses
 * and docs/imoje-api.md#statuses; notification bodies: docs/imoje-api.md#notifications.
 */

export type WaitedFor = 'paymentLink' | 'transaction';

/** How a wait ended, in the output item's `ended`. */
export type Ended = 'notification' | 'statusCheck' | 'timeLimit';

/** What one execution waits for, resolved when the wait begins and kept with it. */
export interface Target {
	for: WaitedFor;
	id: string;
	/** An `authorized` (pre-authorised) payment counts as paid. */
	authorizedIsPaid: boolean;
	/** The time limit, ISO 8601. */
	until: string;
}

/** The statuses after which imoje changes nothing more for a payment: paid, or not. */
const NOT_PAID = ['rejected', 'cancelled', 'error', 'expired'];

/** true: paid; false: not paid, for good; undefined: not decided (new, pending, submitted_for_settlement). */
export function verdictOf(status: unknown, authorizedIsPaid: boolean): boolean | undefined {
	if (status === 'settled' || (status === 'authorized' && authorizedIsPaid)) return true;
	return typeof status === 'string' && NOT_PAID.includes(status) ? false : undefined;
}

const idOf = (value: unknown) => (isObject(value) && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id).toLowerCase() : undefined);

const isSale = (transaction: IDataObject) => transaction.type !== 'refund';

/** A decided payment: the output item's fields, before the body they came from is added. */
export interface Decision {
	paid: boolean;
	status?: string;
	reason?: string;
	transaction?: IDataObject;
	payment?: IDataObject;
}

function decided(paid: boolean, status: unknown, parts: { transaction?: IDataObject; payment?: IDataObject }, reason?: string): Decision {
	const text = typeof status === 'string' ? status : undefined;
	return { paid, status: text, reason: paid ? undefined : (reason ?? text), ...parts };
}

/**
 * A notification's verdict for the target, or undefined when it does not decide it: another
 * payment, a refund, or a status that is not final. A payment link is decided by a sale
 * transaction of that link (`{transaction, payment}`, payment being the link), or by the
 * link closing (`{payment}` alone: expired or cancelled).
 */
export function decideByNotification(body: IDataObject, target: Target): Decision | undefined {
	const transaction = isObject(body.transaction) ? body.transaction : undefined;
	const payment = isObject(body.payment) ? body.payment : undefined;
	const id = target.id.toLowerCase();
	if (target.for === 'transaction') {
		if (!transaction || idOf(transaction) !== id || !isSale(transaction)) return undefined;
		const paid = verdictOf(transaction.status, target.authorizedIsPaid);
		return paid === undefined ? undefined : decided(paid, transaction.status, { transaction, payment });
	}
	if (transaction) {
		const linkId = idOf(payment) ?? idOf(transaction.payment);
		if (linkId !== id || !isSale(transaction)) return undefined;
		const paid = verdictOf(transaction.status, target.authorizedIsPaid);
		return paid === undefined ? undefined : decided(paid, transaction.status, { transaction, payment });
	}
	if (!payment || idOf(payment) !== id) return undefined;
	// Sent alone only when a link closes unpaid: expired or cancelled.
	const paid = verdictOf(payment.status, target.authorizedIsPaid) ?? false;
	return decided(paid, payment.status, { payment }, `link ${typeof payment.status === 'string' ? payment.status : 'closed'}`);
}

const modifiedOf = (transaction: IDataObject) => Number(transaction.modified ?? transaction.created ?? 0) || 0;
const transactionIn = (body: IDataObject) => (isObject(body.transaction) ? body.transaction : body);
const linkIn = (body: IDataObject) => (isObject(body.payment) ? body.payment : body);
const salesOf = (link: IDataObject) => (Array.isArray(link.transactions) ? link.transactions : []).filter(isObject).filter(isSale);
const latestOf = (sales: IDataObject[]) => [...sales].sort((a, b) => modifiedOf(b) - modifiedOf(a))[0] as IDataObject | undefined;

/**
 * The verdict of imoje's answer to GET /payment/{id} (the link, unwrapped, with its
 * `transactions[]`) or GET /transaction/{id} (`{transaction}`), or undefined when the
 * payment is not decided yet. A link is paid when one of its sale transactions is; it is
 * not paid when it is closed, or when its latest attempt failed, as a notification of that
 * attempt would have said.
 */
export function decideByStatus(body: IDataObject, target: Target): Decision | undefined {
	if (target.for === 'transaction') {
		const transaction = transactionIn(body);
		const paid = verdictOf(transaction.status, target.authorizedIsPaid);
		return paid === undefined ? undefined : decided(paid, transaction.status, { transaction });
	}
	const link = linkIn(body);
	const sales = salesOf(link);
	const paidBy = sales.find((transaction) => verdictOf(transaction.status, target.authorizedIsPaid) === true);
	if (paidBy) return decided(true, paidBy.status, { transaction: paidBy, payment: link });
	if (verdictOf(link.status, target.authorizedIsPaid) === false) {
		return decided(false, link.status, { payment: link }, `link ${String(link.status)}`);
	}
	const latest = latestOf(sales);
	if (latest && verdictOf(latest.status, target.authorizedIsPaid) === false) {
		return decided(false, latest.status, { transaction: latest, payment: link });
	}
	return undefined;
}

/**
 * What the time limit ends with, from the status check made before waiting (n8n runs no
 * check at the limit): not paid, with the transaction's status, else the link's latest
 * attempt's, else the link's.
 */
export function atTimeLimit(body: IDataObject, target: Target): Decision {
	if (target.for === 'transaction') {
		const transaction = transactionIn(body);
		return decided(false, transaction.status, { transaction }, 'time limit');
	}
	const link = linkIn(body);
	return decided(false, latestOf(salesOf(link))?.status ?? link.status ?? 'new', { payment: link }, 'time limit');
}

/** The expiry of a link or transaction as imoje gives it (unix seconds), if it has one. */
export function validToOf(body: IDataObject): number | undefined {
	const holder = isObject(body.transaction) ? body.transaction : isObject(body.payment) ? body.payment : body;
	const value = holder.validTo;
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The item a wait ends with: whether it was paid, how the wait ended, the payment's
 * status and what identifies it, then imoje's body that decided it (`notification` or
 * `statusCheck`), and the wait itself (what it waited for, until when).
 */
export function resultItem(decision: Decision, ended: Ended, target: Target, body: { notification?: IDataObject; statusCheck?: IDataObject }): IDataObject {
	const { transaction, payment } = decision;
	const source = transaction ?? payment ?? {};
	const fields: IDataObject = {
		paid: decision.paid,
		ended,
		status: decision.status,
		statusCode: transaction?.statusCode,
		statusCodeDescription: transaction?.statusCodeDescription,
		reason: decision.reason,
		amount: source.amount,
		currency: source.currency,
		orderId: source.orderId,
		transactionId: transaction?.id ?? (target.for === 'transaction' ? target.id : undefined),
		paymentId: target.for === 'paymentLink' ? target.id : (payment?.id ?? (isObject(transaction?.payment) ? transaction.payment.id : undefined)),
		...body,
		wait: { ...target },
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

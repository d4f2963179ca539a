import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * What a notification is about, worked out from its body (imoje sends no event name; see
 * https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md and docs/imoje-api.md#notifications).
 * - paymentStatus: a transaction that is not a refund, with or without `transaction.paymentProfile`:
 *   every OneClick/recurring card payment carries one, the payer's first card-saving payment
 *   (`source: "web"`) included, and it is a payment first
 *   (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-oneclick-and-recurring-card-payments.md).
 * - refund: `transaction.type: "refund"`.
 * - paymentLinkClosed: only a `payment` object, as sent when a link expires or is cancelled.
 * - paymentProfile: a top-level `paymentProfile` object, a notification object of its own.
 */
export type ImojeEvent = 'paymentStatus' | 'refund' | 'paymentLinkClosed' | 'paymentProfile';

export const eventOptions: Array<INodePropertyOptions & { value: ImojeEvent }> = [
	{ name: 'Payment Link Expired or Cancelled', value: 'paymentLinkClosed', description: 'A payment link closed without a transaction (only payment data)' },
	{ name: 'Payment Profile Changed', value: 'paymentProfile', description: 'A saved card (OneClick or recurring profile) was notified on its own' },
	{ name: 'Payment Status Changed', value: 'paymentStatus', description: 'A payment was created, paid, authorized, rejected…, including OneClick and recurring card payments' },
	{ name: 'Refund', value: 'refund', description: 'A refund changed status; final when settled. Never counted as a payment.' },
];

/**
 * Transaction statuses (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-transaction-and-payment-link-statuses.md),
 * plus `submitted_for_settlement`, which imoje's own plugins accept in notifications.
 */
export const statusOptions: INodePropertyOptions[] = [
	{ name: 'Authorized (Waiting for Capture)', value: 'authorized' },
	{ name: 'Cancelled or Expired', value: 'cancelled' },
	{ name: 'Error', value: 'error' },
	{ name: 'New', value: 'new' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Settled (Paid)', value: 'settled' },
	{ name: 'Submitted for Settlement', value: 'submitted_for_settlement' },
];

const objectAt = (body: IDataObject | undefined, key: string) => {
	const value = body?.[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
};
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** The notification with the fields a workflow needs lifted to the top. */
export interface Notification {
	event: ImojeEvent;
	/** Every event the body belongs to: a transaction beside a top-level paymentProfile is both. */
	events: ImojeEvent[];
	status?: string;
	paymentMethod?: string;
	hasPaymentProfile: boolean;
	/** Unix seconds of the last change (transaction, else payment, else profile), if imoje sent it. */
	modified?: number;
	/** Same notification, same key: its ids, status and change time. Output as `notificationKey`. */
	notificationKey: string;
	json: IDataObject;
}

/** Reads an imoje notification body. Undefined if it has no transaction, payment or payment profile. */
export function readNotification(body: unknown): Notification | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const data = body as IDataObject;
	const transaction = objectAt(data, 'transaction');
	const payment = objectAt(data, 'payment') ?? objectAt(transaction, 'payment');
	const topProfile = objectAt(data, 'paymentProfile');
	const profile = topProfile ?? objectAt(transaction, 'paymentProfile');
	if (!transaction && !payment && !profile) return undefined;

	const events: ImojeEvent[] = [];
	if (transaction) events.push(transaction.type === 'refund' ? 'refund' : 'paymentStatus');
	else if (payment) events.push('paymentLinkClosed');
	if (topProfile) events.push('paymentProfile');

	const source = transaction ?? payment ?? {};
	const status = text(transaction?.status ?? payment?.status);
	const modifiedRaw = transaction?.modified ?? payment?.modified ?? profile?.modified;
	const modified = typeof modifiedRaw === 'number' && Number.isFinite(modifiedRaw) ? modifiedRaw : undefined;
	// The payer's id: `customer.cid` on payments and links, `merchantCustomerId` on a card profile
	// (https://bump.sh/pgw/doc/imoje-api-en/operation/operation-post-parameter-transaction-profile.md).
	const cid = text(objectAt(transaction, 'customer')?.cid ?? objectAt(payment, 'customer')?.cid ?? profile?.merchantCustomerId);
	// A profile notified on its own has no status: its activity flag tells one change from the next.
	const state = status ?? text(profile?.isActive);
	const notificationKey = [transaction?.id, payment?.id, profile?.id, state, modified].map((part) => text(part) ?? '').join('|');
	const lifted = {
		event: events[0],
		events,
		status,
		statusCode: transaction?.statusCode,
		statusCodeDescription: transaction?.statusCodeDescription,
		orderId: source.orderId,
		amount: source.amount,
		currency: source.currency,
		transactionId: transaction?.id,
		paymentId: payment?.id,
		transactionType: transaction?.type,
		paymentMethod: transaction?.paymentMethod,
		hasPaymentProfile: profile !== undefined,
		paymentProfileId: profile?.id,
		cid,
		notificationKey,
	};
	return {
		event: events[0],
		events,
		status,
		paymentMethod: text(transaction?.paymentMethod),
		hasPaymentProfile: profile !== undefined,
		modified,
		notificationKey,
		json: { ...Object.fromEntries(Object.entries(lifted).filter(([, value]) => value !== undefined)), ...data } as IDataObject,
	};
}

export interface Filters {
	events: string[];
	statuses: string[];
	paymentMethods: string[];
	onlySavedCardPayments: boolean;
}

/**
 * Whether the user's filters let a notification through. Statuses, payment methods and
 * "only saved-card payments" describe payments: with Events left empty they select payments
 * only, so a settled refund never passes a "Settled" filter unless Refund is picked in Events.
 */
export function isWanted(notification: Notification, filters: Filters): boolean {
	const paymentFilter = filters.statuses.length > 0 || filters.paymentMethods.length > 0 || filters.onlySavedCardPayments;
	const kinds = filters.events.length > 0 ? filters.events : paymentFilter ? ['paymentStatus'] : [];
	return (
		(kinds.length === 0 || notification.events.some((event) => kinds.includes(event))) &&
		(filters.statuses.length === 0 || filters.statuses.includes(notification.status ?? '')) &&
		(filters.paymentMethods.length === 0 || filters.paymentMethods.includes(notification.paymentMethod ?? '')) &&
		// Saved-card narrows payments only: refunds or links picked in Events still pass.
		(!filters.onlySavedCardPayments || notification.event !== 'paymentStatus' || notification.hasPaymentProfile)
	);
}

/** imoje's notification senders (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md). */
const IMOJE_SENDER_RANGES = ['5.196.116.32/28', '51.195.95.0/28', '54.37.185.64/28', '54.37.185.80/28', '147.135.151.16/28'];

const ipv4ToNumber = (ip: string) => ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);

/** Whether an address (IPv4, or IPv4-mapped IPv6 as Node reports it) is in one of imoje's ranges. */
export function isImojeSender(address: string | undefined): boolean {
	const ip = (address ?? '').replace(/^::ffff:/i, '');
	if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
	return IMOJE_SENDER_RANGES.some((range) => {
		const [base, bits] = range.split('/');
		const mask = 2 ** (32 - Number(bits));
		return Math.floor(ipv4ToNumber(ip) / mask) === Math.floor(ipv4ToNumber(base) / mask);
	});
}

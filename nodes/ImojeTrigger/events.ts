import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** What a notification is about, worked out from its body (imoje sends no event name). */
export type ImojeEvent = 'paymentStatus' | 'refund' | 'paymentLinkClosed' | 'profilePayment';

export const eventOptions: Array<INodePropertyOptions & { value: ImojeEvent }> = [
	{ name: 'OneClick or Recurring Payment', value: 'profilePayment', description: 'A saved card was charged (the transaction has a paymentProfile)' },
	{ name: 'Payment Link Expired or Cancelled', value: 'paymentLinkClosed', description: 'A payment link closed without a transaction (only payment data)' },
	{ name: 'Payment Status Changed', value: 'paymentStatus', description: 'A payment was created, paid, authorized, rejected…' },
	{ name: 'Refund', value: 'refund', description: 'A refund changed status; final when settled' },
];

export const STATUSES = ['new', 'pending', 'authorized', 'settled', 'rejected', 'cancelled', 'error'] as const;
export const statusOptions: INodePropertyOptions[] = [
	{ name: 'Authorized (Waiting for Capture)', value: 'authorized' },
	{ name: 'Cancelled or Expired', value: 'cancelled' },
	{ name: 'Error', value: 'error' },
	{ name: 'New', value: 'new' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Settled (Paid)', value: 'settled' },
];

const objectAt = (body: IDataObject, key: string) => {
	const value = body[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
};

/** The notification with the few fields a workflow needs lifted to the top. */
export interface Notification {
	event: ImojeEvent;
	status?: string;
	paymentMethod?: string;
	/** Same notification, same key: transaction or payment, status, and when it changed. */
	dedupeKey: string;
	json: IDataObject;
}

/** Reads an imoje notification body: payment-only, transaction-only or both. Undefined if it is neither. */
export function readNotification(body: unknown): Notification | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const data = body as IDataObject;
	const transaction = objectAt(data, 'transaction');
	const payment = objectAt(data, 'payment') ?? (transaction && objectAt(transaction, 'payment'));
	if (!transaction && !payment) return undefined;

	let event: ImojeEvent = 'paymentStatus';
	if (!transaction) event = 'paymentLinkClosed';
	else if (transaction.type === 'refund') event = 'refund';
	else if (objectAt(transaction, 'paymentProfile')) event = 'profilePayment';

	const source = transaction ?? payment ?? {};
	const status = (transaction?.status ?? payment?.status) as string | undefined;
	const lifted = {
		event,
		status,
		orderId: source.orderId,
		amount: source.amount,
		currency: source.currency,
		transactionId: transaction?.id,
		paymentId: payment?.id,
		transactionType: transaction?.type,
		paymentMethod: transaction?.paymentMethod,
	};
	return {
		event,
		status,
		paymentMethod: transaction?.paymentMethod as string | undefined,
		dedupeKey: [transaction?.id, payment?.id, status, source.modified].map((part) => String(part ?? '')).join('|'),
		json: { ...Object.fromEntries(Object.entries(lifted).filter(([, value]) => value !== undefined)), ...data } as IDataObject,
	};
}

/** imoje's notification senders, as published. */
export const IMOJE_SENDER_RANGES = ['5.196.116.32/28', '51.195.95.0/28', '54.37.185.64/28', '54.37.185.80/28', '147.135.151.16/28'];

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

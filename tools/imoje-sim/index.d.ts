// Types for the imoje simulator (plain CommonJS in index.js), for TypeScript tests.

export type ImojeStatus = 'new' | 'pending' | 'settled' | 'authorized' | 'rejected' | 'cancelled' | 'error';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Loopback only: '127.0.0.1' (default), '::1' or 'localhost'. */
	host?: string;
	merchantId?: string;
	/** The main shop's id, a lowercase UUID v4. */
	serviceId?: string;
	token?: string;
	shopKey?: string;
	/** Shop-level notification address (may be localhost). */
	notificationUrl?: string | null;
	alg?: 'sha224' | 'sha256' | 'sha384' | 'sha512';
	/** Factor on imoje's retry intervals; default 0.01 (10 s -> 100 ms). */
	retryScale?: number;
	clock?: { retryScale?: number };
	/** Explicit wait before each retry, in ms (overrides retryScale). */
	retrySchedule?: number[];
	/** Minimum time between two refunds of one transaction; default 5000. */
	refundIntervalMs?: number;
	/** Status a new refund gets; default 'settled'. */
	refundStatus?: 'settled' | 'new' | 'pending';
	notificationTimeoutMs?: number;
	/** Also send each notification once to n8n's test webhook (/webhook-test/...), or to `url`; default off. */
	testWebhooks?: boolean | { url?: string };
	/**
	 * A JSON file that keeps the test-webhook settings across restarts: every change
	 * (setTestWebhooks, POST /_sim/test-webhooks) is written there, and a new simulator
	 * given the same file starts with them (they win over `testWebhooks`).
	 */
	stateFile?: string;
	/** Also deliver notifications to non-loopback hosts; default false. */
	deliverExternal?: boolean;
	/**
	 * Accept per-payment notification URLs on localhost or with a port (imoje refuses them, 422);
	 * default false. For an n8n on this machine whose Wait for Payment resume URL is http://127.0.0.1:5678/...
	 */
	allowLocalNotificationUrl?: boolean;
	/** Map a notification URL before delivery: a function, or {prefix: replacement}. */
	rewriteNotificationUrl?: ((url: string) => string) | Record<string, string>;
	/** Clock in ms (for timestamps, validTo and refund spacing); default Date.now. */
	now?: () => number;
	logger?: (line: string) => void;
}

export interface Fault {
	delayMs?: number;
	/** Compute the answer at once, send it this many ms later (the payment may change meanwhile). */
	lateAnswerMs?: number;
	/** true (500) or a status 500-599. */
	status5xx?: boolean | number;
	/** Answer an HTML page instead of JSON (status: `status`, a number status5xx, else 200). */
	nonJson?: boolean;
	status?: number;
	dropConnection?: boolean;
	/** Only the next `count` matching requests. */
	count?: number;
	/** Full path ('/v1/merchant/m/payment') or merchant-relative ('/payment') prefix. */
	pathPrefix?: string;
}

export interface SimAction {
	type: 'redirect' | 'transfer' | string;
	url: string;
	method: string;
	contentType: string;
	contentBodyRaw: string;
}

export interface SimProfile {
	id: string;
	merchantMid: string;
	merchantCustomerId: string;
	firstName: string;
	lastName: string;
	maskedNumber: string;
	month: string;
	year: string;
	organization: string;
	isActive: 0 | 1;
	profile: 'ONE_CLICK' | 'RECURRING';
	[key: string]: unknown;
}

/** A transaction (sale or refund). `_paymentId` (its link) and `_parentId` (a refund's sale) are internal. */
export interface SimTransaction {
	id: string;
	type: 'sale' | 'refund';
	status: ImojeStatus;
	source: 'web' | 'api';
	created: number;
	modified: number;
	notificationUrl: string;
	serviceId: string;
	amount: number;
	currency: string;
	title: string;
	orderId: string;
	paymentMethod: string;
	paymentMethodCode: string;
	payment?: { id: string; status: ImojeStatus };
	statusCode?: string;
	paidAmount?: number;
	action?: SimAction;
	paymentProfile?: SimProfile;
	/** Each refund wrapped as imoje's plugin reads it. */
	refunds?: Array<{ transaction: SimTransaction }>;
	_paymentId?: string;
	_parentId?: string;
	[key: string]: unknown;
}

export interface SimPaymentLink {
	id: string;
	url: string;
	serviceId: string;
	orderId: string;
	title: string;
	amount: number;
	currency: string;
	status: ImojeStatus;
	isActive: boolean;
	validTo: number | null;
	created: number;
	modified: number;
	notificationUrl: string;
	customer: Record<string, unknown>;
	transactions?: SimTransaction[];
	[key: string]: unknown;
}

export interface SimShopMethod {
	paymentMethod: string;
	paymentMethodCode: string;
	isActive: boolean;
	isOnline: boolean;
	description: string;
	currency: string;
	transactionLimits: { minTransaction: { type: string; value: number }; maxTransaction: { type: string; value: number } };
}

/** imoje's service object: id, created, isActive, paymentMethods (no name). */
export interface SimShop {
	id: string;
	created: number;
	isActive: boolean;
	paymentMethods: SimShopMethod[];
	[key: string]: unknown;
}

export interface SimOutcome {
	status: ImojeStatus;
	statusCode?: string;
	remaining?: number;
}

/** A notification body as imoje sends it: {transaction, payment}, or {payment} alone for an ended link. */
export interface NotificationBody {
	transaction?: SimTransaction;
	payment?: SimPaymentLink | { id: string; status: ImojeStatus };
	[key: string]: unknown;
}

/** GET /_sim/state. */
export interface StateSnapshot {
	merchantId: string;
	serviceId: string;
	shops: SimShop[];
	paymentLinks: Array<SimPaymentLink & { transactions: SimTransaction[]; _transactionIds: string[] }>;
	transactions: SimTransaction[];
	profiles: SimProfile[];
	trustedIps: string[];
	outcome: SimOutcome | null;
}

export interface NotificationAttempt {
	deliveryId: number;
	/** A copy sent to n8n's test webhook (one attempt, no retries). */
	test?: boolean;
	attempt: number;
	url: string;
	deliveredTo?: string;
	/** The exact bytes sent, as text. */
	body: string;
	/** The body parsed (undefined when it is not JSON). */
	payload: NotificationBody | undefined;
	signatureHeader: string;
	/** HTTP status answered, null when there was no answer. */
	status: number | null;
	responseBody?: string;
	error?: string;
	at: number;
}

export interface Delivery {
	deliveryId: number;
	test?: boolean;
	url: string;
	attempts: number;
	state: 'pending' | 'retrying' | 'delivered' | 'gave-up' | 'skipped' | 'failed';
	signatureHeader: string;
	body: string;
}

export interface Simulator {
	/** True when the test-webhook settings came from `stateFile`. */
	restoredTestWebhooks: boolean;
	start(): Promise<{ url: string; port: number }>;
	stop(): Promise<void>;
	reset(): void;
	/** http://127.0.0.1:PORT (after start). */
	url: string | null;
	port: number | null;
	/** http://127.0.0.1:PORT/v1/merchant (after start). */
	baseUrl: string | null;
	/** The resolved options (defaults filled in; retrySchedule computed). */
	config: Required<Omit<SimulatorOptions, 'clock' | 'rewriteNotificationUrl' | 'logger'>> & Pick<SimulatorOptions, 'rewriteNotificationUrl' | 'logger'>;
	/** Live in-memory state (objects keyed by id); fields starting with "_" are internal. */
	state: {
		merchantId: string;
		serviceId: string;
		shops: Record<string, SimShop>;
		paymentLinks: Record<string, SimPaymentLink>;
		transactions: Record<string, SimTransaction>;
		profiles: Record<string, SimProfile>;
		trustedIps: string[];
		outcome: SimOutcome | null;
	};
	/** The same JSON as GET /_sim/state. */
	snapshot(): StateSnapshot;
	setOutcome(status: ImojeStatus | null, opts?: { statusCode?: string; count?: number }): SimOutcome | null;
	/** Active faults, in the order they are tried. */
	faults: { list: Array<Fault & { id: number }>; /** Answers computed and held back by lateAnswerMs now. */ holding: number };
	/** Test-webhook delivery on/off for one shop or (no serviceId) all; `url` overrides the derived /webhook-test/ URL. */
	setTestWebhooks(o?: { enabled?: boolean; serviceId?: string; url?: string | null }): TestWebhooks;
	getTestWebhooks(): TestWebhooks;
	/** Sends a signed notification of the transaction's current state now (null: no address). */
	notifyTransaction(transactionId: string): Delivery | null;
	/** The same for a link: its latest sale transaction, else {payment} alone. */
	notifyPayment(paymentId: string): Delivery | null;
	/** Shop balance in the smallest unit (null: always enough): can-refund's `balance` and refunds. */
	setShopBalance(serviceId: string, amount: number | null): number | null;
	setFault(fault: Fault): Fault & { id: number };
	clearFaults(): void;
	notifications(): NotificationAttempt[];
	deliveries(): Delivery[];
	/** Sends the last notification's exact bytes again as a new delivery; null when none was sent. */
	resendLast(): Delivery | null;
	/** The payer pays a link; returns the new sale transaction (live state object). */
	payPayment(paymentId: string, opts?: { status?: ImojeStatus; statusCode?: string; paymentMethod?: string; paymentMethodCode?: string }): SimTransaction;
	settlePayment(paymentId: string): SimTransaction;
	expirePayment(paymentId: string): void;
	/** Cancels a link as the shop would (POST /payment/cancel): status cancelled, {payment}-only notification. */
	cancelPayment(paymentId: string): void;
	setTransactionStatus(transactionId: string, status: ImojeStatus, statusCode?: string): SimTransaction;
	addProfile(fields: Partial<SimProfile> & { merchantCustomerId?: string; cid?: string }): SimProfile;
	credentialInfo(): {
		environment: 'Custom';
		baseUrl: string | null;
		merchantId: string;
		serviceId: string;
		authorizationToken: string;
		shopKey: string;
		notificationUrl: string | null;
	};
}

export interface TestWebhooks {
	all: { url?: string } | null;
	shops: Record<string, { url?: string } | null>;
}

/** A JSON Schema node of schemas/*.json, with the source of its rule. */
export interface SchemaNode {
	'x-source'?: string | string[];
	$ref?: string;
	$id?: string;
	type?: string | string[];
	pattern?: string;
	maxLength?: number;
	minLength?: number;
	enum?: Array<string | number>;
	required?: string[];
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
	definitions?: Record<string, SchemaNode>;
	[key: string]: unknown;
}

export function createSimulator(options?: SimulatorOptions): Simulator;
/** Problems of a request body as imoje's 422 lists them (operation names as in routes.js). */
export function validate(operation: string, body: unknown, ctx?: { nowSec: number }): Array<{ property: string; message: string }>;
/** Every schemas/*.json, by file name without .json. */
export function loadSchemas(dir?: string): Record<string, SchemaNode>;
export const SCHEMA_DIR: string;
/** hex(HASH_alg(raw + key)), imoje's notification signature. */
export function sign(raw: string | Buffer, key: string, alg?: string): string;
export const IMOJE_RETRY_MS: number[];
export const DEFAULTS: Readonly<SimulatorOptions>;
export const SECOND_SERVICE_ID: string;
export const SEED_PROFILE_IDS: { oneClick: string; recurring: string; inactive: string };
export const SEED_CID: string;

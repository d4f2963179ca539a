// Types for the e2e harness (plain CommonJS in index.js / n8n.js), for the .ts tests.

/** The npm package name, which n8n also uses as the node-type prefix: `n8n-nodes-imoje.imoje`. */
export const PACKAGE_NAME: 'n8n-nodes-imoje';
export const INFO_ENV: 'IMOJE_E2E_INFO';
/** n8n's address as tests give it to imoje; the e2e simulator rewrites it to the local n8n. */
export const PUBLIC_N8N_URL: 'https://n8n.e2e.test';
export const DEFAULT_ENCRYPTION_KEY: string;

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}
export const DEFAULT_OWNER: Owner;

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	group?: string[];
	credentials?: Array<{ name: string; required?: boolean }>;
	webhooks?: Array<{ name: string; httpMethod: string; path: string; responseMode?: string }>;
	properties?: Array<{ name: string; type: string; [key: string]: unknown }>;
	[key: string]: unknown;
}

export interface CredentialTypeDescription {
	name: string;
	displayName: string;
	properties: Array<{ name: string; type: string; [key: string]: unknown }>;
	test?: unknown;
	authenticate?: unknown;
	[key: string]: unknown;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** Encrypted string from create; redacted object from getCredential. */
	data?: unknown;
	[key: string]: unknown;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface StoredWorkflow extends Workflow {
	id: string;
	versionId: string;
	active: boolean;
}

export type ExecutionStatus = 'success' | 'error' | 'running' | 'waiting' | 'canceled' | 'crashed' | 'new' | 'unknown';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface NodeError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	name?: string;
	[key: string]: unknown;
}

export interface OutputItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	[key: string]: unknown;
}

/** One node's runs: `runData['Node name'][0].data.main[0]` is its first output's items. */
export type RunData = Record<
	string,
	Array<{
		startTime: number;
		executionTime: number;
		executionStatus?: string;
		error?: NodeError;
		data?: { main: Array<OutputItem[] | null> };
		[key: string]: unknown;
	}>
>;

export interface ResultData {
	runData: RunData;
	error?: NodeError;
	lastNodeExecuted?: string;
	[key: string]: unknown;
}

export interface ExecutionDetail extends ExecutionSummary {
	data: { resultData: ResultData; [key: string]: unknown };
}

/** What `n8n execute --rawOutput` prints. */
export interface CliRun {
	status: ExecutionStatus;
	mode: string;
	finished?: boolean;
	data: { resultData: ResultData; [key: string]: unknown };
	[key: string]: unknown;
}

export class N8nApiError extends Error {
	status: number;
	body: unknown;
}

export class N8nClient {
	constructor(baseUrl: string, cookie?: string);
	baseUrl: string;
	/** `n8n-auth=…` */
	cookie: string;
	/** Any request; unwraps `{ data }`. Throws N8nApiError on non-2xx. */
	request<T = unknown>(
		method: string,
		urlPath: string,
		opts?: { body?: unknown; query?: Record<string, unknown>; raw?: boolean },
	): Promise<T>;
	/** `GET /types/nodes.json` */
	nodeTypes(): Promise<NodeTypeDescription[]>;
	/** `GET /types/credentials.json` */
	credentialTypes(): Promise<CredentialTypeDescription[]>;
	/** `POST /rest/credentials` */
	createCredential(c: { name: string; type: string; data: Record<string, unknown>; projectId?: string }): Promise<StoredCredential>;
	/** `GET /rest/credentials/:id?includeData=true` (secrets redacted) */
	getCredential(id: string): Promise<StoredCredential>;
	/**
	 * `POST /rest/credentials/test`, the editor's Test button. Unsaved: `{ type, data }` (id '').
	 * Saved: `{ id }` alone tests the stored values; `{ id, data }` tests edited ones.
	 */
	testCredential(c: { id?: string; name?: string; type?: string; data?: Record<string, unknown> }): Promise<CredentialTestResult>;
	/** `POST /rest/workflows` */
	createWorkflow(workflow: Workflow): Promise<StoredWorkflow>;
	/** `GET /rest/workflows/:id` */
	getWorkflow(id: string): Promise<StoredWorkflow>;
	/** `POST /rest/workflows/:id/activate { versionId }`: publishes it and registers its webhooks. */
	activateWorkflow(id: string, versionId?: string): Promise<StoredWorkflow>;
	/** `POST /rest/workflows/:id/deactivate` */
	deactivateWorkflow(id: string): Promise<StoredWorkflow>;
	/** `GET /rest/executions` filtered by workflow and status (every status by default: one query, see n8n.js): newest first, no run data. */
	executions(workflowId?: string, opts?: { limit?: number; status?: ExecutionStatus | ExecutionStatus[] }): Promise<ExecutionSummary[]>;
	/** `GET /rest/executions/:id` with run data decoded. */
	execution(id: string): Promise<ExecutionDetail>;
	/** Polls until the workflow has `count` finished executions (newest first). */
	waitForExecutions(workflowId: string, count?: number, opts?: { timeoutMs?: number }): Promise<ExecutionSummary[]>;
	/** `POST /rest/login { emailOrLdapLoginId, password }` */
	login(owner: { email: string; password: string }): Promise<N8nClient>;
}

export interface CliResult {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
}

export interface N8nCli {
	run(args: string[], opts?: { timeoutMs?: number; allowFailure?: boolean }): Promise<CliResult>;
	/** `n8n import:credentials`; plain `data` is encrypted. Ids are made when missing; returns them. */
	importCredentials(
		credentials: Array<{ id?: string; name: string; type: string; data: Record<string, unknown> }> | { id?: string; name: string; type: string; data: Record<string, unknown> },
	): Promise<string[]>;
	/** `n8n import:workflow`; returns the workflow id (made when missing). */
	importWorkflow(workflow: Workflow): Promise<string>;
	/** Several workflows in one `n8n import:workflow`; returns their ids. */
	importWorkflows(workflows: Workflow[]): Promise<string[]>;
	/** `n8n execute --id --rawOutput`. Rejects on a failed run unless `allowFailure`. */
	executeWorkflow(id: string, opts?: { allowFailure?: boolean; timeoutMs?: number }): Promise<CliRun>;
	/** `n8n publish:workflow --id`: seen by an n8n started afterwards only. */
	publishWorkflow(id: string): Promise<void>;
}

export interface StartOptions {
	/** N8N_USER_FOLDER; default a new temp folder. */
	userFolder?: string;
	/** Default: a free port. */
	port?: number;
	brokerPort?: number;
	/** Extra or overriding environment for n8n. */
	env?: Record<string, string>;
	/** Package to install as a community package (default: the repo); false: none. */
	packageDir?: string | false;
	timeoutMs?: number;
	/** Copy n8n's output to stderr as well. */
	echo?: boolean;
	/** n8n command: `start` (default), or queue mode's `webhook` processor or `worker`. */
	command?: 'start' | 'webhook' | 'worker';
}

export interface N8nHandle {
	baseUrl: string;
	port: number;
	brokerPort: number;
	userFolder: string;
	logFile: string;
	pid: number;
	env: Record<string, string>;
	installedPackageDir: string | undefined;
	startSeconds: number;
	/** Resolves when the n8n process ends (for whatever reason). */
	exited: Promise<{ code: number | null; signal: string | null }>;
	log(): string;
	loadErrors(packageName?: string): string[];
	cli: N8nCli;
	waitForLog(re: RegExp, timeoutMs?: number): Promise<void>;
	stop(opts?: { timeoutMs?: number }): Promise<{ code: number | null; signal: string | null } | null>;
}

export function startN8n(opts?: StartOptions): Promise<N8nHandle>;
/** `POST /rest/owner/setup`, or login when the owner exists; returns a logged-in client. */
export function setupOwner(baseUrl: string, owner?: Partial<Owner>): Promise<N8nClient>;
export function login(baseUrl: string, owner?: { email?: string; password?: string }): Promise<N8nClient>;
export function n8nCli(opts: { userFolder: string; port?: number; env?: Record<string, string> }): N8nCli;
export function installPackage(opts: { userFolder: string; packageDir?: string }): string;
export function packedFiles(packageDir: string): string[];
export function packageLoadErrors(logText: string, packageName?: string): string[];
export function freePort(): Promise<number>;
export function newId(): string;
export function extractJson(text: string): CliRun | undefined;

// ---- inside the jest e2e project (after global-setup.js) ----

export interface SimInfo {
	/** http://127.0.0.1:PORT */
	url: string;
	/** http://127.0.0.1:PORT/v1/merchant */
	baseUrl: string;
	port: number;
	merchantId: string;
	serviceId: string;
	token: string;
	shopKey: string;
	/** Give imoje notification URLs under this prefix; the simulator delivers them to the local n8n. */
	publicN8nUrl: string;
}

export interface E2EInfo {
	baseUrl: string;
	port: number;
	userFolder: string;
	logFile: string;
	pid: number;
	owner: { email: string; password: string };
	packageName: string;
	installedPackageDir: string;
	sim: SimInfo | null;
	timings: { installSeconds: number; installCached: boolean; n8nStartSeconds: number; setupSeconds: number };
}

export function e2eInfo(): E2EInfo;
export function e2eClient(): Promise<N8nClient>;
export function e2eCli(): N8nCli;
export function n8nLog(): string;
export function n8nLoadErrors(packageName?: string): string[];
/** `imojeApi` credential data pointing at the simulator. */
export function simCredentialData(overrides?: Record<string, unknown>): Record<string, unknown>;
/** Simulator control (`/_sim/...`) or API (`/v1/merchant/...`, with `auth`) request. */
export function simRequest<T = unknown>(
	method: string,
	urlPath: string,
	body?: unknown,
	opts?: { auth?: boolean },
): Promise<{ status: number; body: T }>;
/** POST to n8n: `urlPath` is a full path (`/webhook/…`) or a webhook path. */
export function postWebhook(
	urlPath: string,
	body: unknown,
	headers?: Record<string, string>,
): Promise<{ status: number; text: string; headers: Record<string, string> }>;
/** `https://n8n.e2e.test/webhook/<path>`: what to pass imoje as notificationUrl. */
export function publicWebhookUrl(webhookPath: string): string;
/** `<webhookId>/imoje`, the imoje Trigger's production webhook path. */
export function triggerWebhookPath(webhookId: string): string;
/** `node scripts/demo.js --smoke --no-build` on free ports and a temp user folder. */
export function runDemoSmoke(opts?: { timeoutMs?: number }): Promise<{ code: number | null; output: string }>;
export function sleep(ms: number): Promise<void>;
export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number, what?: string): Promise<NonNullable<T>>;
/** An example workflow from examples/, as shipped. */
export function loadExample(file: string): Workflow;
/** A payment link in the simulator's shop; with `triggerWebhookId`, its notifications go to that imoje Trigger. Resolves its id. */
export function simPaymentLink(opts: { orderId: string; amount?: number; triggerWebhookId?: string }): Promise<string>;

// ---- a scripted OpenAI-compatible chat model (scripted-model.js) ----

/** An OpenAI chat completion request as n8n's OpenAI Chat Model sends it. */
export interface ChatRequest {
	model?: string;
	stream?: boolean;
	messages: Array<{ role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string; [key: string]: unknown }>;
	tools?: Array<{ type: string; function: ToolDefinition }>;
	[key: string]: unknown;
}

/** A tool as the model is shown it. */
export interface ToolDefinition {
	name: string;
	description: string;
	/** JSON schema of the arguments. */
	parameters: {
		type?: string;
		properties?: Record<string, { type?: string; description?: string; [key: string]: unknown }>;
		required?: string[];
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

/** What the scripted model answers: a tool call (the request's only tool unless named), or a final text. */
export type ScriptStep = { toolCall: { name?: string; arguments: Record<string, unknown> } } | { content: string };

/** Decides one answer from this request's body and every chat request so far (this one last). */
export type ModelScript = (body: ChatRequest, calls: ChatRequest[]) => ScriptStep | Promise<ScriptStep>;

export interface ScriptedModel {
	/** http://127.0.0.1:PORT */
	url: string;
	/** `${url}/v1`: the OpenAI credential's Base URL. */
	baseUrl: string;
	/** Every request since the start or the last reset(), authorization header left out. */
	requests: Array<{ method: string; path: string; headers: Record<string, unknown>; body: unknown }>;
	chatRequests(): ChatRequest[];
	setScript(script: ModelScript): void;
	reset(): void;
	/** Stops the server; with IMOJE_E2E_MODEL_LOG set, writes every request it got to that file. */
	stop(): Promise<void>;
}

/** Starts a scripted OpenAI-compatible server on 127.0.0.1 (POST /v1/chat/completions, GET /v1/models). */
export function startScriptedModel(opts?: { script?: ModelScript }): Promise<ScriptedModel>;
/** The request's tool results (messages with role `tool`), oldest first. */
export function toolResults(body: ChatRequest): string[];
/** The request's tools, as `tools[].function`. */
export function toolsOf(body: ChatRequest): ToolDefinition[];
/** The text of the request's last user message. */
export function userText(body: ChatRequest): string;

/** The major version of the n8n the suite runs on. */
export function n8nMajor(): number;

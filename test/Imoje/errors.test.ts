/**
 * imoje's error answers become NodeApiErrors carrying imoje's code, message and field
 * errors; Continue On Fail turns them into error items without stopping the next item;
 * the token and shop key never show up in what n8n keeps of a run.
 */
import { LoggerProxy, NodeApiError } from 'n8n-workflow';

import { captureLogs } from '../engine/capture-logs';
import { SHOP_SIGNING_WORD, BEARER_WORD, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';

const TRX = 'bf10e554-3da8-4f9e-82e8-937c3286b1da';
const getTransaction = { resource: 'transaction', operation: 'get', transactionId: TRX };

let logs: ReturnType<typeof captureLogs>;
/** What n8n's engine logs through LoggerProxy, at every level, with its metadata. */
let engineLog: string[];
beforeEach(() => {
	resetImoje();
	logs = captureLogs();
	engineLog = [];
	const record = (level: string) => (message: string, meta: object = {}) => {
		engineLog.push(`${level} ${message} ${JSON.stringify(meta, (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value))}`);
	};
	LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') } as never);
});
afterEach(() => logs.restore());

test.each([
	{
		name: '422 with a list of field errors',
		status: 422,
		reply: {
			apiErrorResponse: {
				code: 'TRX-ERROR-120001',
				message: 'Unprocessable Entity.',
				instance: { type: 'sale' },
				errors: [
					{ property: 'instance', message: 'requires property "customer"' },
					{ property: 'instance.amount', message: 'must be integer' },
				],
			},
		},
		message: 'imoje error TRX-ERROR-120001: Unprocessable Entity.',
		description: ['instance: requires property "customer"', 'instance.amount: must be integer'],
	},
	{
		name: '400 with a message only',
		status: 400,
		reply: { apiErrorResponse: { message: 'Cannot cancel payment' } },
		message: 'imoje error Cannot cancel payment',
		description: [],
	},
	{
		name: '400 business refusal with a code',
		status: 400,
		reply: { apiErrorResponse: { code: 'TRX-ERROR-120301', message: 'Payment profile inactive.', errors: [] } },
		message: 'imoje error TRX-ERROR-120301: Payment profile inactive.',
		description: [],
	},
	{
		name: '401 with an empty body',
		status: 401,
		reply: '',
		message: 'imoje answered HTTP 401 with an empty body',
		description: ['Authorization token'],
	},
	{
		name: '404 with imoje\'s envelope',
		status: 404,
		reply: { apiErrorResponse: { code: 'TRX-ERROR-404', message: 'Not Found' } },
		message: 'imoje error TRX-ERROR-404: Not Found',
		description: ['imoje found nothing at this address'],
	},
	{
		name: '500 from the server',
		status: 500,
		reply: { apiErrorResponse: { code: 'ACQ-ERROR-130004', message: 'Cannot process transaction. Payment method provider error.' } },
		message: 'imoje error ACQ-ERROR-130004: Cannot process transaction. Payment method provider error.',
		description: [],
	},
	{
		name: '502 with an HTML body that is not JSON',
		status: 502,
		reply: '<html><body><h1>502 Bad Gateway</h1></body></html>',
		message: "imoje answered HTTP 502 with a body that is not imoje's JSON",
		description: ['Body: 502 Bad Gateway'],
	},
])('$name', async ({ status, reply, message, description }) => {
	imojeAnswers(status, reply, typeof reply === 'string' && reply ? { 'Content-Type': 'text/html' } : {});
	const result = await runImoje({ parameters: getTransaction });

	const error = result.error as unknown as NodeApiError;
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toBe(message);
	expect(error.httpCode).toBe(String(status));
	for (const line of description) expect(error.description).toContain(line);
	expect(result.items).toEqual([]);
});

test('Continue On Fail: a bad item and a refused item become error items, the others still run', async () => {
	const captured = imojeAnswers(200, { transaction: { id: TRX, status: 'settled' } });
	const result = await runImoje({
		continueOnFail: true,
		parameters: { resource: 'transaction', operation: 'get', transactionId: '={{ $json.id }}' },
		items: [{ id: TRX }, { id: 'not-an-id' }, { id: TRX }],
	});

	expect(captured).toHaveLength(2);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	expect(result.items[0].json).toEqual({ id: TRX, status: 'settled' });
	// The node's own error (see ImojeInputError): no HTTP code, so n8n shows no "From imoje" block.
	expect(result.items[1].error?.name).toBe('NodeOperationError');
	expect((result.items[1].error as NodeApiError).httpCode).toBeNull();
	expect(result.items[1].json).toEqual({ error: 'Invalid "Transaction ID": must be an imoje ID (a UUID such as 0f0cc3d0-aae8-410b-bf5c-358955c348e3)' });
	expect(result.items[2].json).toEqual({ id: TRX, status: 'settled' });
});

test('Continue On Fail with an imoje refusal keeps imoje\'s message on the item', async () => {
	imojeAnswers(404, { apiErrorResponse: { code: 'TRX-ERROR-404', message: 'Not Found' } });
	const result = await runImoje({ continueOnFail: true, parameters: getTransaction, items: [{}, {}] });
	expect(result.items.map((item) => item.json.error)).toEqual(['imoje error TRX-ERROR-404: Not Found', 'imoje error TRX-ERROR-404: Not Found']);
});

test('neither the token nor the shop key appear in a failed run, its error, its items or n8n\'s log', async () => {
	imojeAnswers(401, { apiErrorResponse: { code: 'AUTH', message: 'Unauthorized' } });
	const failed = await runImoje({ parameters: getTransaction });
	imojeAnswers(422, { apiErrorResponse: { code: 'X', message: 'Bad', errors: [{ property: 'a', message: 'b' }] } });
	const continued = await runImoje({ parameters: getTransaction, continueOnFail: true });

	for (const result of [failed, continued]) {
		const error = (result.error ?? result.items[0].error) as NodeApiError;
		const everything = JSON.stringify({ run: result.run, error, stack: error.stack, context: error.context, cause: error.cause, description: error.description });
		expect(everything).toContain('imoje error');
		expect(everything).not.toContain(BEARER_WORD);
		expect(everything).not.toContain(SHOP_SIGNING_WORD);
	}
	const logged = [...engineLog, ...logs.lines].join('\n');
	expect(logged).toContain('finished with error');
	expect(logged).not.toContain(BEARER_WORD);
	expect(logged).not.toContain(SHOP_SIGNING_WORD);
});

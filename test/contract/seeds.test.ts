/**
 * Contract tests from imoje's own published examples (../shared/imoje/seeds/, copied to
 * fixtures/ with the seed file and lines they come from). Each example request must be
 * what the node sends when its fields are filled in with the example's values; each
 * example answer must come out of the node as documented: Simplify unwraps imoje's
 * wrapper object, raw keeps the answer, errors carry imoje's code, message and fields.
 */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { TEST_CREDENTIALS, runImoje } from '../engine/harness';
import { imojeAnswers, resetImoje } from '../engine/imoje';
import { loadFixtures } from './load-fixtures';

interface Fixture {
	source: string;
	operation: 'paymentLink.create' | 'paymentLink.cancel' | 'paymentProfile.debit' | 'transaction.create';
	kind: 'request' | 'response';
	status?: number;
	example: IDataObject;
}

const fixtures = loadFixtures() as Array<[string, Fixture]>;

const ENDPOINT: Record<Fixture['operation'], string> = {
	'paymentLink.create': 'POST /payment',
	'paymentLink.cancel': 'POST /payment/cancel',
	'paymentProfile.debit': 'POST /transaction/profile',
	'transaction.create': 'POST /transaction',
};

/** Where each body key of the examples is filled in, per operation: a top-level field or an additional one. */
const TOP_LEVEL = ['amount', 'currency', 'orderId', 'paymentMethod', 'paymentMethodCode', 'paymentId', 'paymentProfileId'];

/**
 * The node's parameters that should produce `body`: every key is put in the field the
 * node offers for it. The Shop ID is the credential's, as users set it up; `type` is
 * fixed by the operation. A key with no field fails the test.
 */
function fieldsFor(operation: Fixture['operation'], body: IDataObject) {
	const [resource, name] = operation.split('.');
	const parameters: IDataObject = { resource, operation: name, fitText: false };
	const additionalFields: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (key === 'serviceId' || (key === 'type' && operation === 'transaction.create')) continue;
		if (key === 'customer') {
			const { firstName, lastName, email, ...rest } = value as IDataObject;
			Object.assign(parameters, { customerFirstName: firstName, customerLastName: lastName, customerEmail: email });
			expect(rest).toEqual({});
		} else if (key === 'amount') {
			parameters.amount = String(value);
		} else if (TOP_LEVEL.includes(key) || (operation === 'transaction.create' && /ReturnUrl$/.test(key))) {
			parameters[key] = value;
		} else if (['title', 'returnUrl', 'notificationUrl', 'successReturnUrl', 'failureReturnUrl'].includes(key)) {
			additionalFields[key] = value;
		} else {
			throw new Error(`no field for "${key}" in ${operation}`);
		}
	}
	return { parameters: { ...parameters, additionalFields }, credentials: { ...TEST_CREDENTIALS, serviceId: body.serviceId as string } };
}

/** What Simplify documents for each answer: the object inside imoje's wrapper, or the answer itself. */
const simplified = (operation: Fixture['operation'], answer: IDataObject) =>
	({ 'paymentLink.create': answer.payment, 'paymentLink.cancel': answer, 'paymentProfile.debit': answer.transaction, 'transaction.create': answer.transaction })[operation];

beforeEach(resetImoje);

test('every seed with examples has fixtures', () => {
	expect(new Set(fixtures.map(([, fixture]) => fixture.source.split(':')[0]))).toEqual(
		new Set(['seeds/01-payment-link-create.txt', 'seeds/02-payment-link-cancel.txt', 'seeds/03-profile-debit.txt', 'seeds/04-transaction-create.txt']),
	);
	expect(fixtures.filter(([, fixture]) => fixture.kind === 'request')).toHaveLength(8);
	expect(fixtures.filter(([, fixture]) => fixture.kind === 'response')).toHaveLength(10);
});

const requests = fixtures.filter(([, fixture]) => fixture.kind === 'request');
test.each(requests)('%s: the node produces the example request from fields', async (_name, { operation, example }) => {
	const captured = imojeAnswers(200, { payment: { id: 'x' }, transaction: { id: 'x' }, id: 'x' });
	const result = await runImoje(fieldsFor(operation, example));
	expect(result.error).toBeUndefined();
	expect(captured.map(({ method, path }) => `${method} ${path.replace(/^\/v1\/merchant\/[^/]+/, '')}`)).toEqual([ENDPOINT[operation]]);
	expect(captured[0].body).toEqual(example);
});

const answers = fixtures.filter(([, fixture]) => fixture.kind === 'response' && fixture.status === 200);
test.each(answers)('%s: Simplify gives the documented object, raw the answer as sent', async (_name, { operation }) => {
	const request = requests.find(([, fixture]) => fixture.operation === operation)![1].example;
	const answer = answers.find(([, fixture]) => fixture.operation === operation)![1].example;
	imojeAnswers(200, answer);
	const run = fieldsFor(operation, request);
	const simple = await runImoje(run);
	expect(simple.items.map(({ json }) => json)).toEqual([simplified(operation, answer)]);
	const raw = await runImoje({ ...run, parameters: { ...run.parameters, simplify: false } });
	expect(raw.items.map(({ json }) => json)).toEqual([answer]);
});

const refusals = fixtures.filter(([, fixture]) => fixture.kind === 'response' && fixture.status !== 200);
test.each(refusals)('%s: imoje\'s refusal becomes an error with its code, message and field errors', async (_name, { operation, status, example }) => {
	const request = requests.find(([, fixture]) => fixture.operation === operation)![1].example;
	imojeAnswers(status!, example);
	const result = await runImoje(fieldsFor(operation, request));
	const error = result.error as unknown as NodeApiError;
	const envelope = example.apiErrorResponse as { code?: string; message: string; errors?: Array<{ property: string; message: string }> };
	expect(error.name).toBe('NodeApiError');
	expect(error.httpCode).toBe(String(status));
	expect(error.message).toBe(`imoje error ${[envelope.code, envelope.message].filter(Boolean).join(': ')}`);
	for (const { property, message } of envelope.errors ?? []) expect(error.description).toContain(`${property}: ${message}`);
});

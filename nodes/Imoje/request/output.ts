import type { IDataObject } from 'n8n-workflow';

/** The single object imoje wraps a result in, in the order they are looked for. */
const WRAPPERS = ['transaction', 'payment', 'paymentProfile', 'service'];

export const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const asItem = (value: unknown): IDataObject => (isObject(value) ? value : { value: value as IDataObject['value'] });

/**
 * `{ transaction: {...}, action: {...} }` -> the transaction with `action` beside its
 * fields: imoje's docs put `action` inside the transaction and its plugins read it at
 * the top level, so both places end up in one object.
 */
function unwrap(body: IDataObject): IDataObject {
	const wrapper = WRAPPERS.find((key) => isObject(body[key]));
	if (!wrapper) return body;
	const { [wrapper]: inner, ...siblings } = body;
	return flattenRefunds({ ...siblings, ...(inner as IDataObject) });
}

/**
 * A transaction's `refunds[]` elements come wrapped, `{ transaction: {...} }` (imoje's
 * official WooCommerce plugin reads them so; docs/imoje-api.md#corrections): simplified, each
 * element is the refund itself, like every other simplified object.
 */
function flattenRefunds(transaction: IDataObject): IDataObject {
	const { refunds } = transaction;
	if (!Array.isArray(refunds)) return transaction;
	return {
		...transaction,
		refunds: refunds.map((refund) => (isObject(refund) && isObject(refund.transaction) ? refund.transaction : refund)),
	};
}

/** A top-level object whose only content is one list of objects, e.g. `{ paymentProfiles: [...] }`. */
function listIn(body: IDataObject): IDataObject[] | undefined {
	const values = Object.values(body);
	if (values.length !== 1 || !Array.isArray(values[0])) return undefined;
	return values[0].every(isObject) ? (values[0] as IDataObject[]) : undefined;
}

/**
 * Shapes what imoje returned into n8n items. Raw: the body as sent (a top-level
 * array still becomes one item per element, since an item must be an object).
 * Simplified: wrappers unwrapped and lists split into one item per element.
 */
export function toItems(body: unknown, simplify: boolean): IDataObject[] {
	if (body === undefined || body === null || body === '') return [{ success: true }];
	if (Array.isArray(body)) return body.map((element) => (simplify && isObject(element) ? unwrap(element) : asItem(element)));
	if (!isObject(body)) return [{ body: String(body) }];
	if (!simplify) return [body];
	const list = listIn(body);
	return list ? list.map(unwrap) : [unwrap(body)];
}

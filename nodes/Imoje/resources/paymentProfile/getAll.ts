import { field, returnAll } from '../../fields/field';
import { TEXT, textProblem } from '../../fields/rules';
import { operation, ownProperties } from '../operation';

/** The payer's ID, read by prepare into the URL; imoje's rule for a cid. */
const customerId = field(
	{
		displayName: 'Customer ID (CID)',
		name: 'cid',
		required: true,
		routed: false,
		description: 'The payer ID you sent as the customer\'s cid when the card was saved',
	},
	{ kind: 'id', inPath: true, rules: [(value) => textProblem(String(value), TEXT.cid)] },
);

export const getAllProperties = ownProperties('paymentProfile', 'getAll', [customerId]);

/** GET /profile/cid/{cid}: the saved cards of a payer (docs/imoje-api.md#payment-profiles). */
export const getAll = operation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get payment profiles of payer',
	description: 'Get the saved cards of a payer by your customer ID (cid)',
	request: { method: 'GET', url: '/profile/cid/{cid}' },
	fields: [customerId, ...returnAll],
	answer: { limit: true },
});

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * Cuts a Get Many answer to Limit unless Return All is on. imoje has no paging on
 * these lists, so the cut happens after the answer. Most lists arrive as one item
 * per element; the trusted IPs stay one item (`{trustedIps: [...]}`, the shape Set
 * takes back), so there the list inside is cut.
 */
export async function limitResults(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('returnAll', false)) return items;
	const limit = Number(this.getNodeParameter('limit', 50));
	// No minValue on the field: the editor would silently rewrite what was typed.
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `Invalid "Limit": must be a whole number, 1 or more (got ${String(limit)})`, { itemIndex: this.getItemIndex() });
	}
	const only = items.length === 1 ? items[0].json : undefined;
	const list = only && Array.isArray(only.trustedIps) ? (only.trustedIps as IDataObject[]) : undefined;
	if (only && list) return [{ ...items[0], json: { ...only, trustedIps: list.slice(0, limit) } }];
	return items.slice(0, limit);
}

/** Return All and Limit, as every n8n Get Many has them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		routing: { output: { postReceive: [limitResults] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
	},
];

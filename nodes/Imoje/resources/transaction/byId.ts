import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { transactionIdField } from '../../shared/fields';

export const transactionByIdDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['get', 'capture', 'void'] } },
	[transactionIdField],
);

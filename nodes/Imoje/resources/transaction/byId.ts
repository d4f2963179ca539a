import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { transactionIdLocator } from '../../shared/locators';

export const transactionByIdDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['get', 'capture', 'void'] } },
	[transactionIdLocator],
);

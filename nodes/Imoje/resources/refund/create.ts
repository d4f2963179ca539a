import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, fitTextField, titleOption, toBody } from '../../shared/fields';
import { shopInBody } from '../../shared/locators';

export const refundCreateDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['create'] } },
	[
		shopInBody,
		fitTextField,
		additionalFields([
			{
				displayName: 'Send Confirmation Email',
				name: 'sendRefundConfirmationEmail',
				type: 'boolean',
				default: true,
				description: 'Whether imoje e-mails the payer that the refund was made',
				routing: toBody('sendRefundConfirmationEmail'),
			},
			{ ...titleOption, description: 'Title of the refund transfer. At most 255 characters.' },
		]),
	],
);

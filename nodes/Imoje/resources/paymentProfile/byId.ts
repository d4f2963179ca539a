import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { idField, pathId } from '../../shared/fields';

/** imoje has two deactivation endpoints; both are offered, DELETE first as the REST form. */
const deactivateVia: INodeProperties = {
	displayName: 'Endpoint',
	name: 'deactivateVia',
	type: 'options',
	default: 'delete',
	description: 'Both deactivate the profile; use the POST form where DELETE requests are blocked',
	options: [
		{
			name: 'DELETE Request',
			description: 'The REST form: DELETE on the profile\'s own address',
			value: 'delete',
			routing: { request: { method: 'DELETE', url: `=/profile/id/${pathId('paymentProfileId')}` } },
		},
		{
			name: 'POST Request',
			description: 'POST /profile/deactivate with the ID in the body',
			value: 'post',
			routing: {
				request: {
					method: 'POST',
					url: '/profile/deactivate',
					body: { paymentProfileId: '={{ String($parameter.paymentProfileId).trim() }}' },
				},
			},
		},
	],
};

export const paymentProfileByIdDescription: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['paymentProfile'], operation: ['get', 'deactivate'] } }, [
		idField('paymentProfileId', 'Payment Profile ID', 'The ID of the saved card profile, e.g. from Get Many or from an imoje Trigger'),
	]),
	...updateDisplayOptions({ show: { resource: ['paymentProfile'], operation: ['deactivate'] } }, [deactivateVia]),
];

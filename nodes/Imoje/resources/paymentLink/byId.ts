import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/fields';

const description = 'The ID imoje gave the payment link (from Create, or from an imoje Trigger as paymentId)';

/** Get reads the ID from the URL path; Cancel sends it in the body. */
export const paymentLinkByIdDescription: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['paymentLink'], operation: ['get'] } }, [
		idField('paymentId', 'Payment Link ID', description),
	]),
	...updateDisplayOptions({ show: { resource: ['paymentLink'], operation: ['cancel'] } }, [
		idField('paymentId', 'Payment Link ID', description, 'paymentId'),
	]),
];

import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { paymentLinkIdLocator, shopInBody } from '../../shared/locators';

/** Get reads the ID from the URL path; Cancel sends it in the body, with the shop the link belongs to. */
export const paymentLinkByIdDescription: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['paymentLink'], operation: ['get'] } }, [paymentLinkIdLocator()]),
	...updateDisplayOptions({ show: { resource: ['paymentLink'], operation: ['cancel'] } }, [
		paymentLinkIdLocator('paymentId'),
		{ ...shopInBody, description: 'The shop the link was created in. Leave empty for the Shop ID from the credential.' },
	]),
];

/** Node parameters for the create operations most tests start from; `extra` overrides top-level fields. */
import type { IDataObject } from 'n8n-workflow';

const payer = { customerFirstName: 'Jan', customerLastName: 'Kowalski', customerEmail: 'jan@example.com' };

export const paymentLink = (extra: IDataObject = {}, additionalFields: IDataObject = {}) => ({
	resource: 'paymentLink', operation: 'create', amount: 1000, currency: 'PLN', orderId: 'ORDER-1', ...payer, ...extra, additionalFields,
});

export const transaction = (additionalFields: IDataObject = {}, extra: IDataObject = {}) => ({
	resource: 'transaction', operation: 'create', amount: 1000, currency: 'PLN', orderId: 'ORDER-1', paymentMethod: 'blik',
	paymentMethodCode: 'blik', successReturnUrl: 'https://s.example.com/ok', failureReturnUrl: 'https://s.example.com/no',
	...payer, ...extra, additionalFields,
});

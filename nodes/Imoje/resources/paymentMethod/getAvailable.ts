import { choice, plain, returnAll } from '../../fields/field';
import { shopInPath } from '../../fields/ids';
import { deviceOptions, localeOptions } from '../../fields/options';
import { amountUnit, currency, paymentAmount } from '../../fields/payment';
import { additionalFields, additionalOptions, operation } from '../operation';

const optional = [
	choice({ displayName: 'Device', name: 'device', default: 'desktop', options: deviceOptions, description: 'Some methods are offered only on mobile or only on desktop' }),
	choice({ displayName: 'Language', name: 'locale', default: 'pl', options: localeOptions, description: 'Language of the method labels' }),
];

/**
 * POST /service/{id}/get-payment-methods {amount, currency}: the methods and channels a
 * payer can use for that amount (docs/imoje-api.md#shop-and-payment-methods). Its value
 * is not `getAll`: Amount and Currency are one property each for every operation that
 * takes them, shown by one resource x operation rule, and `getAll` would also match
 * Payment Profile's Get Many.
 */
export const getAvailable = operation({
	name: 'Get Available',
	value: 'getAvailable',
	action: 'Get available payment methods',
	description: 'Get the payment methods and channels a payer can use for an amount',
	request: { method: 'POST', url: '/service/{shop}/get-payment-methods' },
	fields: [plain(amountUnit), paymentAmount, currency, shopInPath, ...returnAll, additionalFields(optional)],
	answer: { limit: true },
});

export const getAvailableOptions = additionalOptions('paymentMethod', 'getAvailable', optional);

import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { paymentMethodOptions } from '../fields/options';
import { chosenShopId, imojeGet } from './api';

interface ShopChannel {
	paymentMethod: string;
	paymentMethodCode: string;
	description?: string;
	currency?: string;
	isActive?: boolean;
	isOnline?: boolean;
	transactionLimits?: { minTransaction?: { value?: number }; maxTransaction?: { value?: number } };
}

/**
 * The channels a payer can use in the chosen shop: `GET /service/{id}` lists every
 * channel per currency with `isActive` and `isOnline` (docs/imoje-api.md#shop-and-payment-methods); an inactive
 * or offline channel is refused by imoje with TRX-ERROR-120003, so it is not offered.
 */
async function usableChannels(context: ILoadOptionsFunctions): Promise<ShopChannel[]> {
	const shopId = await chosenShopId(context);
	const body = (await imojeGet(context, `/service/${encodeURIComponent(shopId)}`)) as IDataObject;
	const service = (body?.service ?? body) as IDataObject;
	const list = Array.isArray(service?.paymentMethods) ? (service.paymentMethods as ShopChannel[]) : [];
	return list.filter((channel) => channel && channel.isActive === true && channel.isOnline === true);
}

/** A plain currency code chosen in the node, or undefined for an expression or no field. */
function chosenCurrency(context: ILoadOptionsFunctions): string | undefined {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter('currency');
	} catch {
		return undefined;
	}
	return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

const money = (value: number | undefined) =>
	typeof value === 'number' ? (value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '?';

/** One option per channel code, with the currencies and amount limits the shop allows for it. */
function channelOptions(channels: ShopChannel[]): INodePropertyOptions[] {
	const byCode = new Map<string, ShopChannel[]>();
	for (const channel of channels) byCode.set(channel.paymentMethodCode, [...(byCode.get(channel.paymentMethodCode) ?? []), channel]);
	return [...byCode.entries()]
		.map(([code, entries]) => ({
			name: entries[0].description || code,
			value: code,
			description: `${code} · ${entries
				.map((e) => `${e.currency ?? ''} ${money(e.transactionLimits?.minTransaction?.value)}–${money(e.transactionLimits?.maxTransaction?.value)}`.trim())
				.join(', ')}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Payment Method: the methods the chosen shop has at least one usable channel in. */
export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const currency = chosenCurrency(this);
	const channels = (await usableChannels(this)).filter((c) => !currency || c.currency === currency);
	const methods = new Set(channels.map((channel) => channel.paymentMethod));
	const known = paymentMethodOptions.filter((option) => methods.has(String(option.value)));
	const unknown = [...methods].filter((method) => !paymentMethodOptions.some((option) => option.value === method));
	return [...known, ...unknown.map((method) => ({ name: method, value: method }))];
}

/** Payment Channel: the usable channels of the chosen method (all methods when none is chosen). */
export async function getPaymentChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let method: unknown;
	try {
		method = this.getCurrentNodeParameter('paymentMethod');
	} catch {
		method = undefined;
	}
	const currency = chosenCurrency(this);
	const channels = (await usableChannels(this)).filter(
		(c) => (typeof method !== 'string' || !method || method.startsWith('=') || c.paymentMethod === method) && (!currency || c.currency === currency),
	);
	return channelOptions(channels);
}

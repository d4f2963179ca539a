import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { credentialShopId, imojeGet } from './api';

/** `GET /services` has been seen both as `[{service}]` and as `{services: [...]}`: accept either (docs/imoje-api.md#shop-and-payment-methods). */
function servicesIn(body: unknown): IDataObject[] {
	const list = Array.isArray(body) ? body : ((body as IDataObject | undefined)?.services as unknown[] | undefined) ?? [];
	return list
		.map((entry) => ((entry as IDataObject)?.service ?? entry) as IDataObject)
		.filter((service) => service && typeof service.id === 'string');
}

/**
 * imoje's service object has no name (docs/imoje-api.md#corrections: `id, created,
 * isActive, paymentMethods`), so a shop is labelled by its ID, whether it is the
 * credential's, its state and the channels the Payment Channel dropdown offers for it
 * (active and online); a name is used when one is present. The search matches the full ID too.
 */
export function shopLabel(service: IDataObject, credentialShop = ''): string {
	const methods = Array.isArray(service.paymentMethods) ? (service.paymentMethods as IDataObject[]) : [];
	const channels = new Set(methods.filter((m) => m.isActive === true && m.isOnline === true).map((m) => m.paymentMethodCode)).size;
	const state = service.isActive === false ? 'inactive' : 'active';
	// The first block of the UUID tells shops apart and keeps the label within the dropdown's width.
	const shortId = `${String(service.id).slice(0, 8)}…`;
	const title = typeof service.name === 'string' && service.name ? `${service.name} (${shortId})` : shortId;
	const mine = String(service.id) === credentialShop ? ' · credential\'s shop' : '';
	return `${title}${mine} · ${state} · ${channels} channel${channels === 1 ? '' : 's'}`;
}

/** Shop › From list: the merchant's shops, filtered by the search text. */
export async function searchShops(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const services = servicesIn(await imojeGet(this, '/services'));
	const credentialShop = await credentialShopId(this);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = services
		.map((service) => ({ name: shopLabel(service, credentialShop), value: String(service.id) }))
		.filter(({ name, value }) => !needle || `${name} ${value}`.toLowerCase().includes(needle))
		// The credential's shop first: it is what an empty Shop field means.
		.sort((a, b) => Number(b.value === credentialShop) - Number(a.value === credentialShop));
	return { results };
}

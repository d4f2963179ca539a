import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { imojeGet } from './api';

/** `GET /services` has been seen both as `[{service}]` and as `{services: [...]}`: accept either (API.md). */
function servicesIn(body: unknown): IDataObject[] {
	const list = Array.isArray(body) ? body : ((body as IDataObject | undefined)?.services as unknown[] | undefined) ?? [];
	return list
		.map((entry) => ((entry as IDataObject)?.service ?? entry) as IDataObject)
		.filter((service) => service && typeof service.id === 'string');
}

/**
 * imoje's service object has no name (API.md Corrections: `id, created, isActive,
 * paymentMethods`), so a shop is labelled by its ID, state and channel count; a
 * name is used when one is present. The search matches the full ID too.
 */
export function shopLabel(service: IDataObject): string {
	const methods = Array.isArray(service.paymentMethods) ? (service.paymentMethods as IDataObject[]) : [];
	const channels = new Set(methods.filter((m) => m.isActive).map((m) => m.paymentMethodCode)).size;
	const state = service.isActive === false ? 'inactive' : 'active';
	// The first block of the UUID tells shops apart and keeps the label within the dropdown's width.
	const shortId = `${String(service.id).slice(0, 8)}…`;
	const title = typeof service.name === 'string' && service.name ? `${service.name} (${shortId})` : shortId;
	return `${title} · ${state} · ${channels} channel${channels === 1 ? '' : 's'}`;
}

/** Shop › From list: the merchant's shops, filtered by the search text. */
export async function searchShops(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const services = servicesIn(await imojeGet(this, '/services'));
	const needle = (filter ?? '').trim().toLowerCase();
	const results = services
		.filter((service) => !needle || `${shopLabel(service)} ${String(service.id)}`.toLowerCase().includes(needle))
		.map((service) => ({ name: shopLabel(service), value: String(service.id) }));
	return { results };
}

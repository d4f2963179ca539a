import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { imojeGet } from './api';

/**
 * Payment Profile › From list: imoje lists saved cards only per payer
 * (`GET /profile/cid/{cid}`, docs/imoje-api.md#payment-profiles), so the search text is the payer's customer ID.
 */
export async function searchPaymentProfiles(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const cid = (filter ?? '').trim();
	if (!cid) return { results: [] };
	// imoje answers 404 for a payer without saved cards: that is an empty list, not a fault.
	const body = (await imojeGet(this, `/profile/cid/${encodeURIComponent(cid)}`, { notFound: {} })) as IDataObject;
	const profiles = Array.isArray(body?.paymentProfiles) ? (body.paymentProfiles as IDataObject[]) : [];
	return {
		results: profiles.map((profile) => ({
			name: [
				profile.organization,
				profile.maskedNumber,
				profile.month && profile.year ? `${profile.month}/${profile.year}` : undefined,
				profile.profile === 'RECURRING' ? 'recurring' : 'OneClick',
				Number(profile.isActive) === 1 ? undefined : 'inactive',
			]
				.filter(Boolean)
				.join(' · '),
			value: String(profile.id),
		})),
	};
}

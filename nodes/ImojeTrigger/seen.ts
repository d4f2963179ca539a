import type { IDataObject } from 'n8n-workflow';

/** How many notifications are remembered; the oldest is forgotten first. */
export const SEEN_LIMIT = 1000;

/**
 * Records `key` in the workflow's static data and tells whether it was there already.
 * A bounded list, so a busy shop cannot make the workflow's data grow without end.
 */
export function seenBefore(staticData: IDataObject, key: string, limit = SEEN_LIMIT): boolean {
	const seen = Array.isArray(staticData.seenNotifications) ? (staticData.seenNotifications as string[]) : [];
	if (seen.includes(key)) return true;
	seen.push(key);
	staticData.seenNotifications = seen.slice(-limit);
	return false;
}

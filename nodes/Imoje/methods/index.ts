import { getPaymentChannels, getPaymentMethods } from './channels';
import { searchPaymentProfiles } from './profiles';
import { searchShops } from './shops';

/** What the editor loads from the imoje account: dropdowns (loadOptions) and locator lists (listSearch). */
export const methods = {
	loadOptions: { getPaymentMethods, getPaymentChannels },
	listSearch: { searchShops, searchPaymentProfiles },
};

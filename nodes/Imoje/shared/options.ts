import type { INodePropertyOptions } from 'n8n-workflow';

/** imoje's value lists, as documented. Values are imoje's own codes; names are for people. */

const plain = (values: readonly string[]): INodePropertyOptions[] =>
	values.map((value) => ({ name: value, value }));

export const CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'HUF', 'CZK', 'BGN', 'RON'] as const;
export const currencyOptions = plain(CURRENCIES);

export const PAYMENT_METHODS = ['blik', 'pbl', 'ing', 'card', 'wallet', 'imoje_paylater', 'wt', 'imoje_installments'] as const;
export const paymentMethodOptions: INodePropertyOptions[] = [
	{ name: 'BLIK', value: 'blik' },
	{ name: 'Card', value: 'card' },
	{ name: 'Imoje Installments', value: 'imoje_installments' },
	{ name: 'Imoje Pay Later', value: 'imoje_paylater' },
	{ name: 'ING', value: 'ing' },
	{ name: 'Pay-by-Link (Bank Transfer)', value: 'pbl' },
	{ name: 'Wallet (Google Pay, Apple Pay)', value: 'wallet' },
	{ name: 'Wire Transfer', value: 'wt' },
];

export const CHANNEL_CODES = [
	'blik', 'imoje_twisto', 'paypo', 'blik_paylater', 'pragma_go', 'gpay', 'applepay', 'visa_mobile',
	'paypal', 'ecom3ds', 'oneclick', 'recurring', 'ing', 'mtransfer', 'bzwbk', 'pekao24', 'inteligo',
	'ipko', 'getin', 'noble', 'creditagricole', 'alior', 'millennium', 'citi', 'bos', 'bnpparibas',
	'pocztowy', 'plusbank', 'bs', 'bspb', 'nest', 'pbs', 'cs', 'mp', 'kb', 'rf', 'pg', 'pf', 'cb', 'uc',
	'posta', 'sporo', 'tatra', 'viamo', 'vub', 'wt', 'wt_split', 'inbank', 'inbank_0',
] as const;
export const channelCodeOptions = plain([...CHANNEL_CODES].sort());

export const VISIBLE_METHODS = ['pbl', 'card', 'wallet', 'blik', 'imoje_paylater', 'wt', 'lease', 'imoje_installments'] as const;
export const visibleMethodOptions: INodePropertyOptions[] = [
	{ name: 'BLIK', value: 'blik' },
	{ name: 'Card', value: 'card' },
	{ name: 'Imoje Installments', value: 'imoje_installments' },
	{ name: 'Imoje Pay Later', value: 'imoje_paylater' },
	{ name: 'Leasing (ING Lease Now)', value: 'lease' },
	{ name: 'Pay-by-Link (Bank Transfer)', value: 'pbl' },
	{ name: 'Wallet', value: 'wallet' },
	{ name: 'Wire Transfer', value: 'wt' },
];

export const LOCALES = ['pl', 'en', 'cs', 'de', 'es', 'fr', 'it', 'lt', 'ru', 'sk', 'sl', 'uk', 'nl', 'hu', 'ro', 'bg', 'sv'] as const;
export const localeOptions = plain([...LOCALES].sort());

/** Cart items take numeric stakes as numbers and the special cases as strings. */
export const cartTaxStakeOptions: INodePropertyOptions[] = [
	...[23, 22, 8, 7, 5, 3, 0].map((rate) => ({ name: `${rate}%`, value: rate })),
	...plain(['TAX_EXEMPT', 'TAX_NOT_LIABLE', 'TAX_REVERSE_CHARGE', 'TAX_EXCLUDING']),
];

export const invoiceTaxStakeOptions = plain([
	'TAX_23', 'TAX_22', 'TAX_8', 'TAX_7', 'TAX_5', 'TAX_3', 'TAX_0',
	'TAX_EXEMPT', 'TAX_NOT_LIABLE', 'TAX_REVERSE_CHARGE', 'TAX_EXCLUDING',
]);

export const vatExemptionOptions = plain([
	'DENTAL_TECHNICAN_SERVICES', 'DOCTOR_DENTIST_SERVICES', 'PHYSIOTHERAPY_SERVICES', 'NURSING_SERVICES',
	'PSYCHOLOGICAL_SERVICES', 'MEDICAL_TRANSPORT_SERVICES', 'CARE_SERVICES', 'TUTORING',
	'TEACHING_FOREIGN_LANGUAGES', 'ARTISTS', 'RENTING_PROPERTY', 'INSURANCE_SERVICES',
	'CREDITS_AND_LOANS_SERVICES', 'GUARANTIEES', 'SPECIAL_CONDITIONS_FOR_EXEMPTION', 'UE_TRANSACTIONS',
	'SUBJECTIVE_EXEMPTIONS', 'OTHER', 'OTHER_OBJECTIVE_EXEMPTIONS',
]);

export const buyerTypeOptions: INodePropertyOptions[] = [
	{ name: 'Company', value: 'COMPANY' },
	{ name: 'Person', value: 'PERSON' },
];

export const buyerIdTypeOptions: INodePropertyOptions[] = [
	{ name: 'PESEL (Personal ID)', value: 'ID' },
	{ name: 'NIP (VAT ID)', value: 'VAT_ID' },
];

export const productStateOptions: INodePropertyOptions[] = [
	{ name: 'New', value: 'NEW' },
	{ name: 'Used', value: 'USED' },
];

export const deviceOptions: INodePropertyOptions[] = [
	{ name: 'Desktop', value: 'desktop' },
	{ name: 'Mobile', value: 'mobile' },
];

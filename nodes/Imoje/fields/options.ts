import type { INodePropertyOptions } from 'n8n-workflow';

/** imoje's value lists, as documented. Values are imoje's own codes; names are for people. */

/** Options from value → label pairs, sorted by label as n8n lists them. */
const labelled = (labels: Record<string, string>): INodePropertyOptions[] =>
	Object.entries(labels)
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));

export const CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'HUF', 'CZK', 'BGN', 'RON'] as const;
export const currencyOptions = labelled({
	BGN: 'BGN (Bulgarian Lev)', CHF: 'CHF (Swiss Franc)', CZK: 'CZK (Czech Koruna)', EUR: 'EUR (Euro)', GBP: 'GBP (Pound Sterling)',
	HUF: 'HUF (Hungarian Forint)', PLN: 'PLN (Polish Złoty)', RON: 'RON (Romanian Leu)', SEK: 'SEK (Swedish Krona)', USD: 'USD (US Dollar)',
} satisfies Record<(typeof CURRENCIES)[number], string>);

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

/** Every channel code imoje documents; the dropdowns offer only the chosen shop's. */
export const CHANNEL_CODES = [
	'blik', 'imoje_twisto', 'paypo', 'blik_paylater', 'pragma_go', 'gpay', 'applepay', 'visa_mobile',
	'paypal', 'ecom3ds', 'oneclick', 'recurring', 'ing', 'mtransfer', 'bzwbk', 'pekao24', 'inteligo',
	'ipko', 'getin', 'noble', 'creditagricole', 'alior', 'millennium', 'citi', 'bos', 'bnpparibas',
	'pocztowy', 'plusbank', 'bs', 'bspb', 'nest', 'pbs', 'cs', 'mp', 'kb', 'rf', 'pg', 'pf', 'cb', 'uc',
	'posta', 'sporo', 'tatra', 'viamo', 'vub', 'wt', 'wt_split', 'inbank', 'inbank_0',
] as const;

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
export const localeOptions = labelled({
	bg: 'Bulgarian', cs: 'Czech', de: 'German', en: 'English', es: 'Spanish', fr: 'French', hu: 'Hungarian', it: 'Italian',
	lt: 'Lithuanian', nl: 'Dutch', pl: 'Polish', ro: 'Romanian', ru: 'Russian', sk: 'Slovak', sl: 'Slovenian', sv: 'Swedish', uk: 'Ukrainian',
} satisfies Record<(typeof LOCALES)[number], string>);

/** The tax rates, highest first; imoje names the special ones by constant, cart items send the numeric ones as numbers. */
const SPECIAL_TAX_LABELS = {
	TAX_EXEMPT: 'Exempt',
	TAX_NOT_LIABLE: 'Not Subject to Tax',
	TAX_REVERSE_CHARGE: 'Reverse Charge',
	TAX_EXCLUDING: 'Excluded From Tax',
};
const RATES = [23, 22, 8, 7, 5, 3, 0];

export const cartTaxStakeOptions: INodePropertyOptions[] = [
	...RATES.map((rate) => ({ name: `${rate}%`, value: rate })),
	...labelled(SPECIAL_TAX_LABELS),
];

/** Invoice positions take every rate as a constant (TAX_23); shown in the cart's order. */
export const invoiceTaxStakeOptions: INodePropertyOptions[] = [
	...RATES.map((rate) => ({ name: `${rate}%`, value: `TAX_${rate}` })),
	...labelled(SPECIAL_TAX_LABELS),
];

/**
 * imoje's VAT exemption bases (invoice.basisForVatExemption.type, docs/imoje-api.md#field-rules).
 * The values keep imoje's own spelling, typos included (TECHNICAN, GUARANTIEES): imoje expects them so.
 */
export const vatExemptionOptions = labelled({
	DENTAL_TECHNICAN_SERVICES: 'Dental Technician Services',
	DOCTOR_DENTIST_SERVICES: 'Doctor and Dentist Services',
	PHYSIOTHERAPY_SERVICES: 'Physiotherapy Services',
	NURSING_SERVICES: 'Nursing Services',
	PSYCHOLOGICAL_SERVICES: 'Psychological Services',
	MEDICAL_TRANSPORT_SERVICES: 'Medical Transport Services',
	CARE_SERVICES: 'Care Services',
	TUTORING: 'Tutoring',
	TEACHING_FOREIGN_LANGUAGES: 'Teaching Foreign Languages',
	ARTISTS: 'Artists',
	RENTING_PROPERTY: 'Renting Property',
	INSURANCE_SERVICES: 'Insurance Services',
	CREDITS_AND_LOANS_SERVICES: 'Credit and Loan Services',
	GUARANTIEES: 'Guarantees',
	SPECIAL_CONDITIONS_FOR_EXEMPTION: 'Special Conditions for Exemption',
	UE_TRANSACTIONS: 'EU Transactions',
	SUBJECTIVE_EXEMPTIONS: 'Subjective Exemptions',
	OTHER: 'Other (Describe Below)',
	OTHER_OBJECTIVE_EXEMPTIONS: 'Other Objective Exemptions',
});

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

/**
 * Amounts as users enter them -> the integer imoje wants: "in the smallest currency unit"
 * (docs/imoje-api.md#basics). Done on the decimal text, never by multiplying floats, so
 * 12.29 becomes 1229 and not 1228.9999999999998. Every currency imoje takes (PLN, EUR, USD,
 * GBP, CHF, SEK, HUF, CZK, BGN, RON) has 2 decimal places in ISO 4217.
 */
import { typeName } from './rules';

export type AmountUnit = 'smallest' | 'main';

export interface AmountRule {
	/** 1: above zero (a payment, a refund); 0: zero allowed (a cart item). */
	min: 0 | 1;
	/** imoje types most amounts `integer`; a cart item's tax is a `number`. */
	whole: boolean;
}

const DECIMALS = 2;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export type Converted = { amount: number; problem?: undefined } | { amount?: undefined; problem: string };

/**
 * Numbers and decimal text are both accepted (a text field gives text, an expression
 * may give either): "1250" and 1250 are the same amount. Anything else is refused.
 */
export function toSmallestUnit(value: unknown, unit: AmountUnit, rule: AmountRule): Converted {
	if (typeof value === 'number' && !Number.isFinite(value)) return { problem: 'must be a number' };
	if (typeof value !== 'number' && typeof value !== 'string') {
		return { problem: `must be a number or text with a number, not ${typeName(value)}` };
	}
	const text = typeof value === 'number' ? String(value) : value.trim();
	const parts = DECIMAL.exec(text);
	if (!parts) {
		return /^-?[\d\s.,]+$/.test(text)
			? { problem: `must be written with digits and a dot for decimals, without thousands separators (got "${text}")` }
			: { problem: `must be a number (got "${text}")` };
	}
	const [, sign, whole, fraction = ''] = parts;
	if (sign) return { problem: rule.min === 1 ? 'must be above 0, not negative' : 'must not be negative' };
	const shift = unit === 'main' ? DECIMALS : 0;
	const kept = fraction.slice(0, shift).padEnd(shift, '0');
	const rest = fraction.slice(shift).replace(/0+$/, '');
	if (rest && rule.whole) {
		return {
			problem: unit === 'main'
				? `has more than ${DECIMALS} decimal places: ${text} is a fraction of the smallest currency unit`
				: `must be a whole number of the smallest currency unit (grosze, cents); ${text} is a fraction of it. To enter ${text} in the main unit, set "Amounts In" to the main unit`,
		};
	}
	const amount = Number(`${whole}${kept}${rest ? `.${rest}` : ''}`);
	if (!Number.isSafeInteger(Math.trunc(amount))) return { problem: `is too large (${text})` };
	if (amount < rule.min) return { problem: rule.min === 1 ? 'must be above 0' : 'must not be negative' };
	return { amount };
}

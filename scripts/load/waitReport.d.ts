// Types for ./waitReport.js (used by test/load/*.test.ts).
export interface Answer {
	status: number;
	body?: string;
	error?: string;
}
export interface WaitSend {
	ref: string;
	executionId: string;
	answers: { first?: Answer; atOnce?: Answer; later?: Answer };
}
export interface WaitFinal {
	status: string;
	afterRuns: number;
	out?: { paid?: boolean; ended?: string };
}
export interface WaitFigures {
	expected: number;
	waitingBefore: number;
	payments: number;
	answered: Record<'first' | 'atOnce' | 'later' | 'all', Record<string, number>>;
	with200: number;
	twice200: number;
	resumed: number;
	exactlyOnce: number;
	moreThanOnce: number;
	lost: number;
	stillWaiting: number;
	finalByStatus: Record<string, number>;
	status5xx: number;
	refused5xx: number;
	status409: number;
	noAnswer: number;
	unexpected: number;
	calls: number;
	bodies: Record<string, Record<string, number>>;
}
export function waitFigures(o: { expected: number; waiting: Array<{ ref: string; executionId: string }>; sends: WaitSend[]; final: Record<string, WaitFinal>; refusals?: Record<string, number> }): WaitFigures;
export function printWaits(title: string, f: WaitFigures, extra?: string[]): void;
export function waitChecks(f: WaitFigures, label?: string): Array<{ what: string; pass: boolean; soft?: boolean }>;
export const COPIES: Array<'first' | 'atOnce' | 'later'>;

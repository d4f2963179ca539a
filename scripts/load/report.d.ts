// Types for ./report.js (used by test/load/*.test.ts).
export interface SentRecord {
	ref: string;
	status: number;
	ok: boolean;
	error?: string;
}
export interface StoredExecution {
	id: number;
	status: string;
	startedAt: number;
	stoppedAt: number;
}
export interface WorkflowSummary {
	total: number;
	byStatus: Record<string, number>;
	noRef: number;
	refs: Record<string, StoredExecution[]>;
}
export interface PhaseFigures {
	sent: number;
	answered: Record<string, number>;
	status200: number;
	okBody: number;
	stored: number;
	storedByStatus: Record<string, number>;
	storedWithoutRef: number;
	withExecution: number;
	answered200Stored: number;
	lost: number;
	answered200Crashed: number;
	unansweredStored: number;
	duplicates: number;
	extraExecutions: number;
	status5xx: number;
	success: number;
	seconds: number;
	perSecond: number;
	rss?: { n8nMb: number; withRunnerMb: number; cpuSeconds?: number };
}
export function phaseFigures(o: { records: SentRecord[]; wf?: WorkflowSummary; startedAt: number; endedAt: number; rss?: PhaseFigures['rss'] }): PhaseFigures;
export function printPhase(title: string, f: PhaseFigures): void;
export function printChecks(checks: Array<{ what: string; pass: boolean; soft?: boolean }>): boolean;
export function cpuMsPer(f: PhaseFigures): number;

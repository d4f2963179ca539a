// Types for ./waits.js (used by test/load/*.test.ts).
export function withSuffix(resumeUrl: string, suffix?: string): string;

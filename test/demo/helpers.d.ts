/* eslint-disable @typescript-eslint/no-explicit-any */
export declare const demo: any;
export declare function tempFolder(): string;
export declare function removeFolder(dir: string): void;
export declare function cliExporting(workflows: unknown[]): { run: (args: string[]) => Promise<{ code: number }> };

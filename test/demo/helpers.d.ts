/* eslint-disable @typescript-eslint/no-explicit-any */
export declare const demo: any;
export declare const wait: { WAIT_PATH: string };
export type ExampleNode = {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, any>;
	credentials?: Record<string, unknown>;
	webhookId?: string;
	position: [number, number];
};
export type Example = { file: string; workflow: { name: string; nodes: ExampleNode[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> } };
export declare function examples(): Example[];
export declare function tempFolder(): string;
export declare function removeFolder(dir: string): void;
export declare function cliExporting(workflows: unknown[]): { run: (args: string[]) => Promise<{ code: number }> };

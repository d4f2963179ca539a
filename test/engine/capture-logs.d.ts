export declare function captureLogs(): { lines: string[]; restore(): void };

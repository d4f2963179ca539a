export declare function titleCase(value: string): string;

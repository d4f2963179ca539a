export function shippedSources(): Array<[path: string, text: string]>;
export function doc(name: string): string;

// Types for ./notifications.js (used by test/load/*.test.ts).
export interface TestShop {
	merchantId: string;
	serviceId: string;
	shopKey: string;
}
export interface SignedNotification {
	ref: string;
	raw: string;
	headers: Record<string, string>;
}
export function testShop(): TestShop;
export function signatureHeader(shop: TestShop, raw: string, key?: string): string;
export function notificationBody(shop: TestShop, ref: string): string;
export function signedNotification(shop: TestShop, ref: string, opts?: { forgedKey?: string }): SignedNotification;
export function linkNotification(
	shop: TestShop,
	link: { id: string; orderId: string; amount: number; currency: string; title?: string; created?: number },
	status?: string,
): SignedNotification;
export function runTag(): string;
export function refPattern(tag: string): string;

export function loadFixtures(): Array<[string, unknown]>;

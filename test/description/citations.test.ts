/**
 * Comments in shipped code cite our own docs (docs/imoje-api.md#section) or imoje's public
 * pages, never files outside the repository. Every cited section must exist.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
	});
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-');

const files = [...sources(join(ROOT, 'nodes')), ...sources(join(ROOT, 'credentials'))];

test('every docs/ section a comment cites exists', () => {
	const cited = files.flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)].map(([, doc, section]) => ({ file: relative(ROOT, file), doc, section })),
	);
	expect(cited.length).toBeGreaterThan(10);
	const missing = cited.filter(({ doc, section }) => {
		const headings = readFileSync(join(ROOT, 'docs', doc), 'utf8').match(/^#{1,4} .+$/gm) ?? [];
		return !headings.map((heading) => anchor(heading.replace(/^#+ /, ''))).includes(section);
	});
	expect(missing).toEqual([]);
});

test('no comment cites notes outside the repository', () => {
	const outside = files.filter((file) => /\bseed \d|seeds\/|\bAPI\.md\b|node_modules\//.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
	expect(outside).toEqual([]);
});

// `n8n-node build` already copies icons found under nodes/ and credentials/;
// this step also places the shared top-level icons/ into dist/icons, which is
// where `file:../../icons/imoje.svg` in the node files resolves after the build.
const { src, dest } = require('gulp');

function buildIcons() {
	return src('icons/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;

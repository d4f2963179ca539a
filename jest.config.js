/** Two projects: `unit` runs in seconds against n8n-core's engine and nock;
 * `e2e` drives a real n8n and the imoje simulator (slow, installs n8n once). */
const tsJest = ['ts-jest', { tsconfig: { target: 'es2022', module: 'commonjs', esModuleInterop: true, resolveJsonModule: true, types: ['node', 'jest'], strict: true, skipLibCheck: true, isolatedModules: true } }];

module.exports = {
	// The e2e files share one n8n and one simulator, so files run one at a time.
	maxWorkers: 1,
	projects: [
		{
			displayName: 'unit',
			roots: ['<rootDir>/test'],
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['<rootDir>/test/e2e/', '/node_modules/'],
			setupFiles: ['<rootDir>/test/setup-env.js'],
			setupFilesAfterEnv: ['<rootDir>/test/setup-nock.js'],
		},
		{
			displayName: 'e2e',
			roots: ['<rootDir>/test'],
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/setup-env.js'],
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.js',
			globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.js',
			testTimeout: 180000,
		},
	],
};

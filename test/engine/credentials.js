// What a run of the imoje node outside n8n needs: n8n's credentials helper, which it hands over the
// hands over the decrypted test credential and applies the credential type's own
// authenticate function, and the rest of n8n's additional data.
// Plain CommonJS so that the engine tests (ts-jest, n8n-core from our devDependencies) and
// the bench (plain node, n8n 2.38.7's own engine) share it: each passes its n8n's
// ICredentialsHelper class.
function credentialsHelper(ICredentialsHelper, credentialType, data) {
	class ImojeTestCredentials extends ICredentialsHelper {
		getParentTypes() {
			return [];
		}
		isCredentialUsableByNode() {
			return true;
		}
		async authenticate(credentials, _typeName, requestOptions) {
			return credentialType.authenticate(credentials, requestOptions);
		}
		async preAuthentication() {
			return undefined;
		}
		async runPreAuthentication() {
			return undefined;
		}
		async getCredentials() {
			throw new Error('not used by declarative nodes');
		}
		async getDecrypted() {
			return { ...data };
		}
		async updateCredentials() {}
		async updateCredentialsOauthTokenData() {}
		getCredentialsProperties() {
			return credentialType.properties;
		}
	}
	return new ImojeTestCredentials();
}

/** What n8n gives a run besides the workflow: the credentials helper, the hooks, n8n's own addresses. */
function additionalData(credentialsHelper, hooks) {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => ({ data: [] }),
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		executionId: 'exec-test',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
	};
}

module.exports = { credentialsHelper, additionalData };

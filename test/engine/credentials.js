// n8n's credentials helper for running the imoje node outside n8n: it hands over the
// decrypted test credential and applies the credential type's own authenticate function.
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

module.exports = { credentialsHelper };

import type { ICredentialDataDecryptedObject, ICredentialType, ICredentialsHelper } from 'n8n-workflow';

export function credentialsHelper(
	base: abstract new () => ICredentialsHelper,
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): ICredentialsHelper;

import type { ICredentialDataDecryptedObject, ICredentialType, ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

export function credentialsHelper(
	base: abstract new () => ICredentialsHelper,
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): ICredentialsHelper;

export function additionalData(credentialsHelper: ICredentialsHelper, hooks: unknown): IWorkflowExecuteAdditionalData;

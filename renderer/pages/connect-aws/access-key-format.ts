/**
 * What a pasted access key must look like before it goes to the vault, in the
 * user's words: which field is wrong and why. The vault checks again in main.
 */
export type PastedKeyField = 'accessKeyId' | 'secretAccessKey';
export type PastedKeyProblem = 'accessKeyIdFormat' | 'secretAccessKeyFormat';

/** AKIA… (long-term key) or ASIA… (temporary key), then 16 more capital letters or digits: 20 in all. */
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
/** The vault's own rule for the secret (AWS issues 40 characters of base64). */
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+=]{16,128}$/;

/** The first problem per field; an empty object when both look right. */
export function pastedKeyProblems(accessKeyId: string, secretAccessKey: string): Partial<Record<PastedKeyField, PastedKeyProblem>> {
  const problems: Partial<Record<PastedKeyField, PastedKeyProblem>> = {};
  if (!ACCESS_KEY_ID.test(accessKeyId.trim())) problems.accessKeyId = 'accessKeyIdFormat';
  if (!SECRET_ACCESS_KEY.test(secretAccessKey.trim())) problems.secretAccessKey = 'secretAccessKeyFormat';
  return problems;
}

/** main's `vault.invalidItem` names the field it refused (never its value): map it back to the form. */
export function fieldOfVaultError(params: Readonly<Record<string, unknown>> | undefined): PastedKeyField | undefined {
  const field = params?.['field'];
  return field === 'accessKeyId' || field === 'secretAccessKey' ? field : undefined;
}

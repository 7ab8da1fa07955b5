/**
 * Access keys: the IAM user's own (CreateAccessKey; an IAM user may have two),
 * and the root user's own temporary key, deleted by Onramp once the user's key
 * works (DeleteAccessKey without a user name = the caller's own key), the
 * deletion confirmed with ListAccessKeys.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, ListAccessKeysCommand, type IAMClient } from '@aws-sdk/client-iam';

import { hasAwsCode, iamError, toIamError } from './iam-errors';

export interface NewAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Access key ids of `userName`, or of the caller when undefined. */
export async function accessKeyIds(iam: IAMClient, userName: string | undefined, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await iam.send(new ListAccessKeysCommand({ UserName: userName, Marker: marker }), { abortSignal: signal });
      for (const key of page.AccessKeyMetadata ?? []) if (key.AccessKeyId) ids.push(key.AccessKeyId);
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw toIamError(error, 'iam:ListAccessKeys');
  }
  return ids;
}

export async function createAccessKey(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<NewAccessKey> {
  try {
    const out = await iam.send(new CreateAccessKeyCommand({ UserName: userName }), { abortSignal: signal });
    const { AccessKeyId, SecretAccessKey } = out.AccessKey ?? {};
    if (!AccessKeyId || !SecretAccessKey) throw new Error('CreateAccessKey returned no key');
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey };
  } catch (error) {
    throw toIamError(error, 'iam:CreateAccessKey');
  }
}

export async function deleteAccessKey(iam: IAMClient, accessKeyId: string, userName?: string, signal?: AbortSignal): Promise<void> {
  try {
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId, UserName: userName }), { abortSignal: signal });
  } catch (error) {
    if (!hasAwsCode(error, 'NoSuchEntity')) throw toIamError(error, 'iam:DeleteAccessKey');
  }
}

/**
 * Deletes the caller's own (root) key and proves it with ListAccessKeys, still
 * signed with that key: either AWS answers without it, or AWS already refuses
 * the key as unknown (InvalidClientTokenId), which proves it as well.
 */
export async function deleteOwnKeyConfirmed(iam: IAMClient, accessKeyId: string, signal?: AbortSignal): Promise<void> {
  await deleteAccessKey(iam, accessKeyId, undefined, signal);
  let remaining: string[];
  try {
    remaining = await accessKeyIds(iam, undefined, signal);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'aws.invalidAccessKey') return;
    throw error;
  }
  if (remaining.includes(accessKeyId)) {
    throw iamError('rootKeyStillThere', 'The root access key is still listed after DeleteAccessKey', { accessKeyId });
  }
}

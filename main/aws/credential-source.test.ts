import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../common/errors';
import { CredentialSourceSchema, resolveCredentialProvider, type CredentialSourceDeps } from './credential-source';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

// Fake values only. Compared with `===` so a failing test never prints them.
const KEY_ID = 'AKIAFAKEFAKEFAKE0003';
const SECRET = 'fake/secret/value/for/tests/only/000000000';

function vaultReturning(): CredentialSourceDeps & { getAccessKey: ReturnType<typeof vi.fn> } {
  return { getAccessKey: vi.fn(() => Promise.resolve({ accessKeyId: KEY_ID, secretAccessKey: SECRET })) };
}

const unusedVault: CredentialSourceDeps = { getAccessKey: () => Promise.reject(new Error('vault must not be used')) };

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => {
  sandbox.restore();
});

describe('CredentialSourceSchema', () => {
  it('accepts the three kinds', () => {
    expect(CredentialSourceSchema.parse({ kind: 'vault', itemId: 'i-1' })).toEqual({ kind: 'vault', itemId: 'i-1' });
    expect(CredentialSourceSchema.parse({ kind: 'profile', profile: 'dev' })).toEqual({ kind: 'profile', profile: 'dev' });
    expect(CredentialSourceSchema.parse({ kind: 'default' })).toEqual({ kind: 'default' });
  });

  it('rejects unknown kinds and empty ids', () => {
    expect(CredentialSourceSchema.safeParse({ kind: 'env' }).success).toBe(false);
    expect(CredentialSourceSchema.safeParse({ kind: 'vault', itemId: '' }).success).toBe(false);
    expect(CredentialSourceSchema.safeParse({ kind: 'profile' }).success).toBe(false);
  });
});

describe('vault source', () => {
  it('reads the key from the vault and yields exactly those credentials', async () => {
    const vault = vaultReturning();
    const provider = resolveCredentialProvider({ kind: 'vault', itemId: 'item-42' }, vault);

    const credentials = await provider();

    expect(vault.getAccessKey).toHaveBeenCalledWith('item-42');
    expect(credentials.accessKeyId === KEY_ID).toBe(true);
    expect(credentials.secretAccessKey === SECRET).toBe(true);
    expect(credentials.sessionToken).toBeUndefined();
  });

  it('reads the vault once and shares the result', async () => {
    const vault = vaultReturning();
    const provider = resolveCredentialProvider({ kind: 'vault', itemId: 'item-42' }, vault);

    await Promise.all([provider(), provider()]);
    await provider();

    expect(vault.getAccessKey).toHaveBeenCalledTimes(1);
  });

  it('passes a vault failure through and asks again next time', async () => {
    const locked = new AppError('vault.keychainUnavailable', 'keychain locked', { reason: 'locked' });
    const getAccessKey = vi
      .fn<CredentialSourceDeps['getAccessKey']>()
      .mockRejectedValueOnce(locked)
      .mockResolvedValueOnce({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    const provider = resolveCredentialProvider({ kind: 'vault', itemId: 'item-42' }, { getAccessKey });

    await expect(provider()).rejects.toBe(locked);
    const credentials = await provider();

    expect(credentials.accessKeyId === KEY_ID).toBe(true);
    expect(getAccessKey).toHaveBeenCalledTimes(2);
  });
});

describe('profile source', () => {
  it('reads static keys of the named profile from AWS_SHARED_CREDENTIALS_FILE', async () => {
    sandbox.writeCredentials(
      `[default]\naws_access_key_id = AKIAOTHEROTHEROTHER1\naws_secret_access_key = other\n\n` +
        `[work]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`,
    );

    const credentials = await resolveCredentialProvider({ kind: 'profile', profile: 'work' }, unusedVault)();

    expect(credentials.accessKeyId === KEY_ID).toBe(true);
    expect(credentials.secretAccessKey === SECRET).toBe(true);
  });

  it('reads static keys placed in AWS_CONFIG_FILE under [profile name]', async () => {
    sandbox.writeConfig(`[profile cfg]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);

    const credentials = await resolveCredentialProvider({ kind: 'profile', profile: 'cfg' }, unusedVault)();

    expect(credentials.accessKeyId === KEY_ID).toBe(true);
  });

  it('sees a profile added after the first read (no stale file cache)', async () => {
    const provider = () => resolveCredentialProvider({ kind: 'profile', profile: 'late' }, unusedVault)();
    await expect(provider()).rejects.toMatchObject({ name: 'CredentialsProviderError' });

    sandbox.writeCredentials(`[late]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);

    expect((await provider()).accessKeyId === KEY_ID).toBe(true);
  });

  it('fails with a CredentialsProviderError for an unknown profile', async () => {
    await expect(
      resolveCredentialProvider({ kind: 'profile', profile: 'ghost' }, unusedVault)(),
    ).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});

describe('default source', () => {
  it('uses AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment', async () => {
    sandbox.setEnv('AWS_ACCESS_KEY_ID', KEY_ID);
    sandbox.setEnv('AWS_SECRET_ACCESS_KEY', SECRET);

    const credentials = await resolveCredentialProvider({ kind: 'default' }, unusedVault)();

    expect(credentials.accessKeyId === KEY_ID).toBe(true);
  });

  it('uses the profile named by AWS_PROFILE', async () => {
    sandbox.writeCredentials(`[picked]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
    sandbox.setEnv('AWS_PROFILE', 'picked');

    const credentials = await resolveCredentialProvider({ kind: 'default' }, unusedVault)();

    expect(credentials.accessKeyId === KEY_ID).toBe(true);
  });

  it('fails with a CredentialsProviderError when nothing is configured', async () => {
    await expect(resolveCredentialProvider({ kind: 'default' }, unusedVault)()).rejects.toMatchObject({
      name: 'CredentialsProviderError',
    });
  });
});

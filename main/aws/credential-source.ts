import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { z } from 'zod';

/** Where the credentials for an AWS connection come from. */
export const CredentialSourceSchema = z.discriminatedUnion('kind', [
  /** An access key stored in Onramp's own vault (OS keychain). */
  z.object({ kind: z.literal('vault'), itemId: z.string().min(1) }),
  /** A named profile from ~/.aws/config or ~/.aws/credentials (static keys, SSO, assume-role, process…). */
  z.object({ kind: z.literal('profile'), profile: z.string().min(1) }),
  /** Whatever the SDK's default chain finds: env vars, AWS_PROFILE, SSO, web identity, container/instance roles. */
  z.object({ kind: z.literal('default') }),
]);

export type CredentialSource = z.infer<typeof CredentialSourceSchema>;

export interface VaultAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface CredentialSourceDeps {
  /** Reads an access key from the vault. May reject with the vault's own AppError. */
  getAccessKey(itemId: string): Promise<VaultAccessKey>;
}

/** The SDK's own credential provider type, as accepted by every v3 client's `credentials` option. */
export type CredentialProvider = ReturnType<typeof fromIni>;

/**
 * Caches a successful load for the lifetime of the provider; a failed load is
 * forgotten so the next request asks again (e.g. after the user unlocks the keychain).
 */
function cacheUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

function vaultProvider(itemId: string, deps: CredentialSourceDeps): CredentialProvider {
  const load = cacheUntilFailure(async () => {
    const key = await deps.getAccessKey(itemId);
    // Copy only the two fields the SDK needs; never keep extra vault data around.
    return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  });
  return () => load();
}

/**
 * Turns a credential source into an SDK credential provider. Nothing is read
 * until a client first signs a request. `ignoreCache` makes the SDK re-read
 * ~/.aws/* so a profile added with `aws configure` while Onramp runs is seen.
 */
export function resolveCredentialProvider(
  source: CredentialSource,
  deps: CredentialSourceDeps,
): CredentialProvider {
  switch (source.kind) {
    case 'vault':
      return vaultProvider(source.itemId, deps);
    case 'profile':
      // fromIni handles static keys, assume-role, credential_process, legacy SSO and
      // sso_session profiles (it delegates to @aws-sdk/credential-provider-sso).
      return fromIni({ profile: source.profile, ignoreCache: true });
    case 'default':
      return fromNodeProviderChain({ ignoreCache: true });
  }
}

/**
 * The profile whose config-file settings (region, endpoint_url, …) apply to a
 * source, or undefined when the SDK should fall back to AWS_PROFILE / "default".
 */
export function profileOf(source: CredentialSource): string | undefined {
  return source.kind === 'profile' ? source.profile : undefined;
}

/**
 * Fixtures for the vault and Connect AWS specs on top of ./fixtures:
 * - `noKeychainTest`: the same host, but the keychain fails exactly as keytar
 *   does on a desktop without a Secret Service (no gnome-keyring, no KeePassXC).
 * - `fakeAws`: a local fake STS endpoint; AWS_ENDPOINT_URL and private AWS
 *   config files are set in this worker before the host starts, so the SDK in
 *   the in-process host talks to it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../main/composition';
import { startFakeAwsServer, stsCallerIdentityResponse, stsErrorResponse, type FakeAwsServer } from '../main/testing/aws/fake-aws-server';
import { createHostPlatform } from '../main/host/host-platform';
import { hostRendererDir } from '../main/host/renderer-dir';
import { startHost } from '../main/host/host-server';
import { keychainUnavailable, type Keychain } from '../main/vault/keychain';
import { test as base, type HostFixture } from './fixtures';

const noSecretService = (): never => {
  throw keychainUnavailable(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
};
const missingKeychain: Keychain = { getPassword: async () => noSecretService(), setPassword: async () => noSecretService(), deletePassword: async () => noSecretService() };

export const noKeychainTest = base.extend<{ app: HostFixture }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-nokeychain-'));
    const platform = createHostPlatform('e2e');
    const services = createServices({ dataDir, keychain: missingKeychain, options: { platform } });
    const traffic: HostFixture['traffic'] = [];
    const rendererDir = hostRendererDir();
    const host = await startHost({ services, platform, rendererDir, onTraffic: (direction, text) => traffic.push({ direction, text }) });
    const queueDialog = async (kind: 'open' | 'save' | 'folder', file: string | null) => {
      if (kind === 'open') platform.queueOpenFile(file);
      else if (kind === 'folder') platform.queueFolder(file);
      else platform.queueSaveFile(file);
    };
    await use({ host, dataDir, traffic, queueDialog });
    await host.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Access key ids the fake STS knows; anything else gets InvalidClientTokenId. */
export const FAKE_KEYS = {
  iamUser: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', arn: 'arn:aws:iam::123456789012:user/alice' },
  root: { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst', arn: 'arn:aws:iam::210987654321:root' },
  profile: { accessKeyId: 'AKIAPROFILEEXAMPLE01', secretAccessKey: 'profileSecretExample/abcdefghijklmnopqrst', arn: 'arn:aws:iam::111122223333:user/cli' },
  unknown: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'unknownSecretExample/abcdefghijklmnopqrs' },
} as const;

const AWS_ENV = ['AWS_ENDPOINT_URL', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_STS'] as const;

function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

export interface FakeAws {
  server: FakeAwsServer;
  /** Sets an AWS environment variable for the rest of the test (restored afterwards). */
  setEnv(name: (typeof AWS_ENV)[number], value: string | undefined): void;
}

export const awsTest = base.extend<{ fakeAws: FakeAws }>({
  fakeAws: [
    async ({}, use) => {
      const known = [FAKE_KEYS.iamUser, FAKE_KEYS.root, FAKE_KEYS.profile];
      const server = await startFakeAwsServer((request) => {
        const credential = /Credential=([A-Z0-9]+)\//.exec(String(request.headers['authorization'] ?? ''))?.[1];
        const match = known.find((key) => key.accessKeyId === credential);
        if (!match) return stsErrorResponse(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
        return stsCallerIdentityResponse({ arn: match.arn, account: accountOf(match.arn), userId: 'AIDAEXAMPLEUSERID' });
      });
      const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-aws-'));
      writeFileSync(path.join(dir, 'config'), '[profile work]\nregion = eu-west-2\n\n[profile company-sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = ap-northeast-1\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = ap-northeast-1\n');
      writeFileSync(path.join(dir, 'credentials'), `[work]\naws_access_key_id = ${FAKE_KEYS.profile.accessKeyId}\naws_secret_access_key = ${FAKE_KEYS.profile.secretAccessKey}\n`);
      const saved = new Map<string, string | undefined>(AWS_ENV.map((name) => [name, process.env[name]]));
      const setEnv: FakeAws['setEnv'] = (name, value) => {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      };
      for (const name of AWS_ENV) setEnv(name, undefined);
      setEnv('AWS_ENDPOINT_URL', server.url);
      setEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
      setEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
      setEnv('AWS_EC2_METADATA_DISABLED', 'true');
      await use({ server, setEnv });
      for (const [name, value] of saved) setEnv(name as (typeof AWS_ENV)[number], value);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { auto: true },
  ],
});

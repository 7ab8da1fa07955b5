/**
 * SSO (IAM Identity Center) profiles through fromIni, end to end against a
 * local endpoint: token from ~/.aws/sso/cache → SSO GetRoleCredentials → STS.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAwsClients, type AwsClients } from './client-factory';
import { verifyIdentity } from './identity';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import { startFakeAwsServer, stsCallerIdentityResponse, type FakeAwsServer } from '../testing/aws/fake-aws-server';

const SESSION = 'onramp-test-session';
const SSO_ROLE_KEY_ID = 'ASIAFAKEFAKEFAKE0002';
const SSO_CONFIG = `
[profile dev-sso]
sso_session = ${SESSION}
sso_account_id = 123456789012
sso_role_name = Admin
region = eu-central-1

[sso-session ${SESSION}]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
`;

const noVault = { getAccessKey: () => Promise.reject(new Error('vault must not be used')) };

let sandbox: AwsEnvSandbox;
let server: FakeAwsServer | undefined;
let clients: AwsClients | undefined;

function writeSsoToken(expiresAt: Date): void {
  const dir = join(sandbox.home, '.aws', 'sso', 'cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha1').update(SESSION).digest('hex')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ accessToken: 'fake-sso-access-token', expiresAt: expiresAt.toISOString(), region: 'us-east-1' }),
  );
}

async function ssoProfileClients(): Promise<AwsClients> {
  clients = await createAwsClients({
    source: { kind: 'profile', profile: 'dev-sso' },
    deps: noVault,
    fallbackRegion: 'us-east-1',
  });
  return clients;
}

beforeEach(() => {
  sandbox = createAwsEnvSandbox();
  sandbox.writeConfig(SSO_CONFIG);
});

afterEach(async () => {
  clients?.destroy();
  clients = undefined;
  await server?.close();
  server = undefined;
  sandbox.restore();
});

describe('sso_session profile', () => {
  it('gets role credentials from SSO and verifies them with STS, both via AWS_ENDPOINT_URL', async () => {
    writeSsoToken(new Date(Date.now() + 3_600_000));
    server = await startFakeAwsServer((request) =>
      request.url.startsWith('/federation/credentials')
        ? {
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({
              roleCredentials: {
                accessKeyId: SSO_ROLE_KEY_ID,
                secretAccessKey: 'fake-role-secret',
                sessionToken: 'fake-role-session-token',
                expiration: Date.now() + 3_600_000,
              },
            }),
          }
        : stsCallerIdentityResponse({
            arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/dev',
            account: '123456789012',
            userId: 'AROAFAKEROLEID:dev',
          }),
    );
    sandbox.setEnv('AWS_ENDPOINT_URL', server.url);

    const identity = await verifyIdentity(await ssoProfileClients());

    expect(identity).toMatchObject({ principalKind: 'assumed-role', isRoot: false });
    const [ssoRequest, stsRequest] = server.requests;
    expect(ssoRequest?.url).toContain('role_name=Admin');
    expect(ssoRequest?.headers['x-amz-sso_bearer_token']).toBe('fake-sso-access-token');
    // Region comes from the profile; the key is the one SSO handed out.
    expect(stsRequest?.headers.authorization).toContain(`Credential=${SSO_ROLE_KEY_ID}/`);
    expect(stsRequest?.headers.authorization).toContain('/eu-central-1/sts/aws4_request');
  });

  it('asks for `aws sso login --profile dev-sso` when there is no cached token', async () => {
    await expect(verifyIdentity(await ssoProfileClients())).rejects.toMatchObject({
      code: 'aws.ssoLoginRequired',
      params: { awsCode: 'CredentialsProviderError', profile: 'dev-sso' },
    });
  });

  it('asks for `aws sso login` when the cached token has expired', async () => {
    writeSsoToken(new Date(Date.now() - 60_000));

    await expect(verifyIdentity(await ssoProfileClients())).rejects.toMatchObject({
      code: 'aws.ssoLoginRequired',
      params: { profile: 'dev-sso' },
    });
  });
});

describe('legacy SSO profile (sso_start_url in the profile)', () => {
  it('asks for `aws sso login` when there is no cached token', async () => {
    sandbox.writeConfig(`
[profile old-sso]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Admin
`);
    clients = await createAwsClients({
      source: { kind: 'profile', profile: 'old-sso' },
      deps: noVault,
      fallbackRegion: 'us-east-1',
    });

    await expect(verifyIdentity(clients)).rejects.toMatchObject({
      code: 'aws.ssoLoginRequired',
      params: { profile: 'old-sso' },
    });
  });
});

import { EC2Client, GetConsoleOutputCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AwsConnection, VerifiedConnection } from '../aws/aws-connection';
import { SetupStateStore } from '../setup/state-store';
import { setupConsoleHostKeys } from './console-source';
import { normalizeTarget } from './ssh-target';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'ap-northeast-2' });
const connection = { region: 'ap-northeast-2', clients: { ec2: () => ec2 } } as unknown as VerifiedConnection;
const consoleText = readFileSync(path.join(__dirname, 'fixtures', 'console-ubuntu-2404-syslog.txt'), 'utf8');
const setupServer = normalizeTarget({ host: '3.35.1.2', keyId: 'key-1' });

describe('setupConsoleHostKeys', () => {
  let dir: string;
  let setup: SetupStateStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-console-source-'));
    setup = new SetupStateStore(dir);
    await setup.update((s) => ({ ...s, choices: { region: 'ap-northeast-2' }, resources: { instanceId: 'i-0abc', elasticIp: '3.35.1.2', sshKeyItemId: 'key-1' } }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  afterEach(() => ec2Mock.reset());

  it("reads the setup instance's console through the verified AWS connection", async () => {
    ec2Mock.on(GetConsoleOutputCommand).resolves({ Output: Buffer.from(consoleText).toString('base64') });
    const lookup = await setupConsoleHostKeys(setup, { current: () => connection })(setupServer);
    expect(lookup.status).toBe('found');
    expect(lookup.status === 'found' && lookup.hostKeys.keys.length).toBe(3);
    expect(ec2Mock.commandCalls(GetConsoleOutputCommand)[0]?.args[0].input).toMatchObject({ InstanceId: 'i-0abc' });
  });

  it('says notReady while the console has no host key block yet', async () => {
    ec2Mock.on(GetConsoleOutputCommand).resolves({});
    expect(await setupConsoleHostKeys(setup, { current: () => connection })(setupServer)).toEqual({ status: 'notReady' });
  });

  it('has no console for other servers, or without an AWS connection', async () => {
    const other = normalizeTarget({ host: '203.0.113.9', keyId: 'key-1' });
    expect(await setupConsoleHostKeys(setup, { current: () => connection })(other)).toEqual({ status: 'noConsole' });
    const offline: Pick<AwsConnection, 'current'> = { current: () => null };
    expect(await setupConsoleHostKeys(setup, offline)(setupServer)).toEqual({ status: 'noConsole' });
    expect(ec2Mock.commandCalls(GetConsoleOutputCommand)).toHaveLength(0);
  });
});

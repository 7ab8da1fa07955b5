import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { dnsTargetOf } from '../../common/dns/target';
import { freshSetupState } from '../setup/state-store';
import { selectedServer } from '../ssh/connect-step';
import { stepServer } from './step-server';

const ownServer = { host: '203.0.113.10', port: 2222, user: 'deploy', keyId: 'key-1' };
const withBoth = (path: SetupState['choices']['path']): SetupState => ({
  ...freshSetupState(),
  choices: { ownServer, ...(path ? { path } : {}) },
  resources: { instanceId: 'i-0123456789abcdef0', elasticIp: '198.51.100.7', sshKeyItemId: 'key-2' },
});

describe('the server the steps reach follows the path', () => {
  it('on the own-server path: the own server, even when an EC2 server from the other path still exists', () => {
    const setup = withBoth('own-server');
    expect(selectedServer(setup)).toMatchObject({ host: '203.0.113.10', port: 2222, user: 'deploy' });
    expect(stepServer(setup)).toMatchObject({ byo: true });
    expect(dnsTargetOf(setup)).toEqual({ ip: '203.0.113.10', source: 'ownServer' });
  });

  it('on the AWS path: the setup instance and its Elastic IP', () => {
    const setup = withBoth('aws');
    expect(selectedServer(setup)).toMatchObject({ host: '198.51.100.7', port: 22, user: 'ubuntu' });
    expect(stepServer(setup)).toMatchObject({ byo: false, instanceId: 'i-0123456789abcdef0' });
    expect(dnsTargetOf(setup)).toEqual({ ip: '198.51.100.7', source: 'elasticIp' });
  });
});

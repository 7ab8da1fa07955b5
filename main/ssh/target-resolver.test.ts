import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { isAppError } from '../../common/errors';
import { displayHost, resolveTarget } from './target-resolver';

const base: SetupState = { version: 1, setupId: 's', currentPage: 'connect', completed: [], choices: {}, resources: {} };
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
};

describe('resolveTarget', () => {
  it("'setup' is the Elastic IP with the setup's key pair, as ubuntu on port 22", () => {
    const state = { ...base, resources: { elasticIp: '3.35.1.2', sshKeyItemId: 'key-1', instanceId: 'i-0abc' } };
    expect(resolveTarget('setup', state)).toEqual({ host: '3.35.1.2', port: 22, user: 'ubuntu', keyId: 'key-1' });
    expect(codeOf(() => resolveTarget('setup', { ...base, resources: { elasticIp: '3.35.1.2' } }))).toBe('ssh.noSetupServer');
  });

  it("'ownServer' is the server saved in Settings", () => {
    const state = { ...base, choices: { ownServer: { host: 'example.com', port: 2222, user: 'admin', keyId: 'key-2' } } };
    expect(resolveTarget('ownServer', state)).toEqual({ host: 'example.com', port: 2222, user: 'admin', keyId: 'key-2' });
    expect(codeOf(() => resolveTarget('ownServer', base))).toBe('ssh.noOwnServer');
  });

  it('an explicit server gets the defaults', () => {
    expect(resolveTarget({ host: '10.0.0.5', keyId: 'k' }, base)).toEqual({ host: '10.0.0.5', port: 22, user: 'ubuntu', keyId: 'k' });
  });
});

describe('displayHost', () => {
  it('shows the port only when it is not 22', () => {
    expect(displayHost({ host: 'srv', port: 22 })).toBe('srv');
    expect(displayHost({ host: 'srv', port: 2222 })).toBe('srv:2222');
  });
});

import { describe, expect, it } from 'vitest';
import { mapConnectError, mapPrivateKeyError, suggestedUsers } from './connect-errors';
import { normalizeTarget } from './ssh-target';

const target = normalizeTarget({ host: '203.0.113.10', keyId: 'key-1' });

describe('mapConnectError', () => {
  it.each([
    [{ message: 'connect ECONNREFUSED', code: 'ECONNREFUSED', level: 'client-socket' }, 'ssh.connectionRefused'],
    [{ message: 'connect EHOSTUNREACH', code: 'EHOSTUNREACH', level: 'client-socket' }, 'ssh.hostUnreachable'],
    [{ message: 'connect ENETUNREACH', code: 'ENETUNREACH', level: 'client-socket' }, 'ssh.hostUnreachable'],
    [{ message: 'getaddrinfo ENOTFOUND', code: 'ENOTFOUND', level: 'client-socket' }, 'ssh.hostNotFound'],
    [{ message: 'getaddrinfo EAI_AGAIN', code: 'EAI_AGAIN', level: 'client-socket' }, 'ssh.hostNotFound'],
    [{ message: 'connect ETIMEDOUT', code: 'ETIMEDOUT', level: 'client-socket' }, 'ssh.connectTimeout'],
    [{ message: 'read ECONNRESET', code: 'ECONNRESET', level: 'client-socket' }, 'ssh.connectionLost'],
    [{ message: 'Timed out while waiting for handshake', level: 'client-timeout' }, 'ssh.connectTimeout'],
    [{ message: 'Handshake failed: no matching host key format', level: 'handshake' }, 'ssh.noCommonAlgorithm'],
    [{ message: 'Handshake failed: KEXINIT not first packet in strict KEX mode', level: 'handshake' }, 'ssh.handshakeFailed'],
    [{ message: 'something odd' }, 'ssh.connectFailed'],
  ])('%j -> %s', (error, code) => {
    expect(mapConnectError(error, target).code).toBe(code);
  });

  it('explains authentication failures with other user names to try', () => {
    const error = mapConnectError({ message: 'All configured authentication methods failed', level: 'client-authentication' }, target);
    expect(error.code).toBe('ssh.authFailed');
    expect(error.params).toEqual({ host: '203.0.113.10', user: 'ubuntu', suggestions: 'ec2-user, admin' });
    expect(error.message).toMatch(/not the key pair.*login name is wrong/);
  });

  it('suggests names depending on what was tried', () => {
    expect(suggestedUsers('ubuntu')).toEqual(['ec2-user', 'admin']);
    expect(suggestedUsers('ec2-user')).toEqual(['ubuntu', 'admin']);
    expect(suggestedUsers('root')).toEqual(['ubuntu', 'ec2-user']);
    expect(suggestedUsers('deploy')).toEqual(['ubuntu', 'ec2-user', 'admin', 'root']);
  });

  it('maps key problems without repeating ssh2 text', () => {
    expect(mapPrivateKeyError(new Error('Encrypted private OpenSSH key detected, but no passphrase given'), 'k').code).toBe('ssh.keyEncrypted');
    expect(mapPrivateKeyError(new Error('Unsupported key format'), 'k').code).toBe('ssh.keyInvalid');
  });
});

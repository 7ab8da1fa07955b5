/** Where the vault page's "Copy ssh command" points (ssh.copyCommand resolves the user and port in main). */
import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../../common/contract/schemas/setup';
import type { VaultItem } from '../../../common/contract/schemas/vault';
import { serverChoices } from '../connect/servers';
import { commandTargetOf, itemDetail, serverOf } from './item-text';

const base: SetupState = { version: 1, setupId: 's', currentPage: 'vault', completed: [], choices: {}, resources: {} };
const key = (id: string, serverHost?: string): VaultItem => ({
  kind: 'ssh-key',
  id,
  label: id,
  keyType: 'ed25519',
  bits: 256,
  fingerprint: 'SHA256:x',
  ...(serverHost ? { serverHost } : {}),
  createdAt: '2026-12-02T00:00:00Z',
  updatedAt: '2026-12-02T00:00:00Z',
});

describe('commandTargetOf', () => {
  it('the key of the server in Settings -> ownServer (its user and port), shown with its host', () => {
    const setup = { ...base, choices: { ownServer: { host: 'srv.example.com', port: 2222, user: 'admin', keyId: 'k1' } } };
    expect(commandTargetOf(key('k1'), setup)).toBe('ownServer');
    expect(serverOf(key('k1'), setup)).toBe('srv.example.com');
  });

  it("a key with a typed server address -> that host (ubuntu, port 22); the setup's key -> 'setup'", () => {
    expect(commandTargetOf(key('k2', '203.0.113.10'), base)).toEqual({ host: '203.0.113.10', keyId: 'k2' });
    const setup = { ...base, resources: { sshKeyItemId: 'k3', elasticIp: '3.35.1.2' } };
    expect(commandTargetOf(key('k3'), setup)).toBe('setup');
  });

  it('no server, or not an SSH key -> nothing to copy', () => {
    expect(commandTargetOf(key('k4'), base)).toBeUndefined();
    expect(serverOf(key('k4'), base)).toBeUndefined();
  });
});

describe('serverChoices', () => {
  it('carries the key id of each server for vault.export', () => {
    const setup = { ...base, resources: { sshKeyItemId: 'k3', elasticIp: '3.35.1.2' }, choices: { ownServer: { host: 'h', port: 22, user: 'u', keyId: 'k1' } } };
    expect(serverChoices(setup).map((choice) => [choice.ref, choice.keyId])).toEqual([
      ['setup', 'k3'],
      ['ownServer', 'k1'],
    ]);
  });
});

describe('itemDetail', () => {
  const t = ((k: string, v?: Record<string, string>) => `${k}${v ? JSON.stringify(v) : ''}`) as unknown as Parameters<typeof itemDetail>[1];
  it('says when the AWS key pair of a kept key was deleted', () => {
    expect(itemDetail(key('k1'), t)).toBe('ED25519 256 · SHA256:x');
    const gone = { ...key('k1'), awsKeyPairName: 'blog-key', awsKeyPairGone: '2026-12-07T10:00:00Z' } as VaultItem;
    expect(itemDetail(gone, t)).toBe('ED25519 256 · SHA256:x · vault:list.keyPairGone{"name":"blog-key"}');
  });
});

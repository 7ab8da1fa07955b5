/** Where the vault page's "Copy ssh command" points (ssh.copyCommand resolves the user and port in main). */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ServerTarget } from '../../../common/contract/schemas/journey';
import type { VaultItem } from '../../../common/contract/schemas/vault';
import { commandTargetOf, itemDetail, serverOf } from './item-text';

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
const own: ServerTarget = { ref: 'ownServer', host: 'srv.example.com', port: 2222, user: 'admin', keyId: 'k1', label: 'admin@srv.example.com:2222' };
const setupServer: ServerTarget = { ref: 'setup', host: '3.35.1.2', port: 22, user: 'ubuntu', keyId: 'k3', label: 'ubuntu@3.35.1.2' };

describe('commandTargetOf', () => {
  it('the key of the server in Settings -> ownServer (its user and port), shown with its host', () => {
    expect(commandTargetOf(key('k1'), [own])).toBe('ownServer');
    expect(serverOf(key('k1'), [own])).toBe('srv.example.com');
  });

  it("a key with a typed server address -> that host; the setup's key -> 'setup', shown with its Elastic IP", () => {
    expect(commandTargetOf(key('k2', '203.0.113.10'), [])).toEqual({ host: '203.0.113.10', keyId: 'k2' });
    expect(commandTargetOf(key('k3'), [setupServer])).toBe('setup');
    expect(serverOf(key('k3'), [setupServer])).toBe('3.35.1.2');
  });

  it('no server, or not an SSH key -> nothing to copy', () => {
    expect(commandTargetOf(key('k4'), [])).toBeUndefined();
    expect(serverOf(key('k4'), [])).toBeUndefined();
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

describe('itemDetail of app settings', () => {
  const settings: VaultItem = {
    kind: 'app-settings',
    id: 's1',
    label: 'My app',
    setupId: 'setup-1',
    names: ['API_TOKEN', 'DATABASE_URL', 'DEBUG'],
    secretNames: ['API_TOKEN'],
    createdAt: '2026-12-07T00:00:00Z',
    updatedAt: '2026-12-07T00:00:00Z',
  };
  it('says how many settings, in the UI language, and never names a value or offers a server', async () => {
    const files = import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/vault.json', { eager: true, import: 'default' });
    const vaultOf = (lang: string) => ({ vault: files[`../../i18n/locales/${lang}/vault.json`] ?? {} });
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en', resources: { en: vaultOf('en'), ko: vaultOf('ko') }, interpolation: { escapeValue: false }, showSupportNotice: false });
    expect(itemDetail(settings, instance.t)).toBe('3 settings');
    expect(itemDetail({ ...settings, names: ['DEBUG'], secretNames: [] }, instance.t)).toBe('1 setting');
    await instance.changeLanguage('ko');
    expect(itemDetail(settings, instance.t)).toBe('설정 3개');
    expect(serverOf(settings, [setupServer])).toBeUndefined();
    expect(commandTargetOf(settings, [setupServer])).toBeUndefined();
  });
});

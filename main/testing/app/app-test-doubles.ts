/**
 * Test doubles for the App step's narrow views of the vault (main/app/app-deps.ts):
 * the app's settings kept in memory, and a deploy key that is a REAL ed25519
 * key made with ssh2 (the same format the vault makes), so a server can be
 * told to accept it and `git` over SSH can use it. Tests only: the product's
 * settings and keys live in the vault.
 */
import { utils } from 'ssh2';
import type { AppSettingsVault, DeployKeyVault } from '../../app/app-deps';
import { fingerprintOf } from '../../vault/ssh/fingerprint';

/** The app's settings in memory; `items` lets a test see what was stored. */
export class MemoryAppSettings implements AppSettingsVault {
  readonly items = new Map<string, { values: Map<string, string>; secretNames: Set<string> }>();
  private next = 1;

  async read(itemId: string | undefined): Promise<{ values: Map<string, string>; secretNames: Set<string> }> {
    const item = itemId ? this.items.get(itemId) : undefined;
    return { values: new Map(item?.values ?? []), secretNames: new Set(item?.secretNames ?? []) };
  }

  async write(itemId: string | undefined, values: ReadonlyMap<string, string>, secretNames: ReadonlySet<string>): Promise<string> {
    const id = itemId && this.items.has(itemId) ? itemId : `settings-${this.next++}`;
    this.items.set(id, { values: new Map(values), secretNames: new Set(secretNames) });
    return id;
  }
}

/** Deploy keys made with ssh2's ed25519 generator, kept in memory. */
export class TestDeployKeys implements DeployKeyVault {
  private readonly keys = new Map<string, { privateKey: string; publicKey: string; fingerprint: string }>();
  private next = 1;

  publicOf(itemId: string | undefined): { publicKey: string; fingerprint: string } | undefined {
    const key = itemId ? this.keys.get(itemId) : undefined;
    return key ? { publicKey: key.publicKey, fingerprint: key.fingerprint } : undefined;
  }

  async create(label: string): Promise<{ itemId: string; publicKey: string; fingerprint: string }> {
    const pair = utils.generateKeyPairSync('ed25519', { comment: label.replace(/[^\w.@/ -]/g, '').slice(0, 80) });
    const blob = Buffer.from(pair.public.split(' ')[1] ?? '', 'base64');
    const itemId = `deploy-key-${this.next++}`;
    const publicKey = pair.public.trim();
    const fingerprint = fingerprintOf(blob);
    this.keys.set(itemId, { privateKey: pair.private, publicKey, fingerprint });
    return { itemId, publicKey, fingerprint };
  }

  async privateOf(itemId: string): Promise<string> {
    const key = this.keys.get(itemId);
    if (!key) throw new Error(`no deploy key ${itemId}`);
    return key.privateKey;
  }
}

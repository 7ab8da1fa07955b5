/**
 * An in-memory vault that does only what the launch and teardown need (KeyVault, remove, find), for unit tests and
 * the call-count bench. Items keep their order of addition; `keyPairItems` answers newest first, as the app does.
 */
import type { KeyVault } from '../../aws/ec2/key-pair';
import type { ItemMeta } from '../../vault/items';

export interface MemoryKeyItem {
  label: string;
  awsKeyPairName?: string;
  region?: string;
  awsKeyPairGone?: string;
  privateKey: string;
  order: number;
}

export interface MemoryKeyVault extends KeyVault {
  items: Map<string, MemoryKeyItem>;
  remove(id: string): Promise<void>;
  find(id: string): ItemMeta | undefined;
}

export function memoryKeyVault(): MemoryKeyVault {
  const items = new Map<string, MemoryKeyItem>();
  let n = 0;
  return {
    items,
    add: async (kind, secret, meta) => {
      if (kind !== 'ssh-key' || !('privateKey' in secret)) throw new Error('only ssh keys here');
      const m = meta as { label: string; awsKeyPairName?: string; region?: string };
      n += 1;
      const id = `item-${n}`;
      items.set(id, { label: m.label, privateKey: secret.privateKey, order: n, ...(m.awsKeyPairName ? { awsKeyPairName: m.awsKeyPairName } : {}), ...(m.region ? { region: m.region } : {}) });
      return { id, kind: 'ssh-key', label: m.label } as Awaited<ReturnType<KeyVault['add']>>;
    },
    keyPairItems: async (name, region) =>
      [...items.entries()]
        .filter(([, v]) => v.awsKeyPairName === name && v.region === region && !v.awsKeyPairGone)
        .sort(([, a], [, b]) => b.order - a.order)
        .map(([id]) => id),
    markKeyPairGone: async (id) => {
      const item = items.get(id);
      if (item) item.awsKeyPairGone = new Date().toISOString();
    },
    remove: async (id) => void items.delete(id),
    find: (id) => {
      const item = items.get(id);
      if (!item) return undefined;
      const { label, awsKeyPairName, region, awsKeyPairGone } = item;
      const now = new Date().toISOString();
      return {
        id, kind: 'ssh-key', label, keyType: 'rsa', bits: 2048, publicKey: 'ssh-rsa AAAA', fingerprint: `SHA256:${'A'.repeat(43)}`, createdAt: now, updatedAt: now,
        ...(awsKeyPairName ? { awsKeyPairName } : {}), ...(region ? { region } : {}), ...(awsKeyPairGone ? { awsKeyPairGone } : {}),
      };
    },
  };
}

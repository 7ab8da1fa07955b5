/**
 * Vault metadata -> the contract's VaultItem, field by field (the router would
 * strip unknown fields anyway; this keeps the mapping explicit and typed).
 */
import type { DamagedVaultItem, VaultItem } from '../../common/contract/schemas/vault';
import type { DamagedItem } from './unlocked-state';
import type { ItemMeta } from './items';

/** `AKIA…MPLE`: the first and last four characters of an access key id. */
export function accessKeyIdHint(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

export function toVaultItem(meta: ItemMeta, keyIdHint?: string): VaultItem {
  const common = { id: meta.id, label: meta.label, createdAt: meta.createdAt, updatedAt: meta.updatedAt };
  switch (meta.kind) {
    case 'aws-access-key':
      return { kind: meta.kind, ...common, accountId: meta.accountId, arn: meta.arn, keyIdHint };
    case 'console-login':
      return { kind: meta.kind, ...common, accountId: meta.accountId };
    case 'ssh-key':
      return {
        kind: meta.kind,
        ...common,
        keyType: meta.keyType,
        bits: meta.bits,
        fingerprint: meta.fingerprint,
        awsKeyPairName: meta.awsKeyPairName,
        region: meta.region,
        serverHost: meta.serverHost,
        exportPath: meta.exportPath,
        awsKeyPairGone: meta.awsKeyPairGone,
      };
    case 'app-settings':
      // Names only: the values stay in the vault.
      return { kind: meta.kind, ...common, setupId: meta.setupId, names: meta.names, secretNames: meta.secretNames };
  }
}

export function toDamagedItem(item: DamagedItem): DamagedVaultItem {
  return { id: item.id, reason: item.reason, ...(item.kind ? { itemKind: item.kind } : {}) };
}

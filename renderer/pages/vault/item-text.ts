import type { TFunction } from 'i18next';
import type { SetupState } from '../../../common/contract/schemas/setup';
import type { SshTargetRef } from '../../../common/contract/schemas/ssh';
import type { VaultItem } from '../../../common/contract/schemas/vault';

/** What tells an item apart in the list: the key's fingerprint, else the account (or the key id hint). */
export function itemDetail(item: VaultItem, t: TFunction): string {
  switch (item.kind) {
    case 'ssh-key': {
      const key = `${item.keyType.toUpperCase()} ${item.bits} · ${item.fingerprint}`;
      return item.awsKeyPairGone ? `${key} · ${t('vault:list.keyPairGone', { name: item.awsKeyPairName ?? item.label })}` : key;
    }
    case 'aws-access-key':
      if (item.accountId) return t('vault:list.account', { accountId: item.accountId });
      return item.keyIdHint ? t('vault:list.keyId', { hint: item.keyIdHint }) : '—';
    case 'console-login':
      return item.accountId ? t('vault:list.account', { accountId: item.accountId }) : '—';
  }
}

/** The server an SSH key opens: its own address, or the guided setup's Elastic IP when it is the setup's key. */
/**
 * Where `ssh.copyCommand` should point for this key: the server in Settings that uses it (its user and port),
 * the setup's own server, or the host typed on the key (ubuntu, port 22).
 */
export function commandTargetOf(item: VaultItem, setup: SetupState): SshTargetRef | undefined {
  if (item.kind !== 'ssh-key') return undefined;
  if (setup.choices.ownServer?.keyId === item.id) return 'ownServer';
  if (item.serverHost) return { host: item.serverHost, keyId: item.id };
  return setup.resources.sshKeyItemId === item.id && setup.resources.elasticIp ? 'setup' : undefined;
}

export function serverOf(item: VaultItem, setup: SetupState): string | undefined {
  if (item.kind !== 'ssh-key') return undefined;
  const own = setup.choices.ownServer;
  if (own?.keyId === item.id) return own.host;
  return item.serverHost ?? (setup.resources.sshKeyItemId === item.id ? setup.resources.elasticIp : undefined);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

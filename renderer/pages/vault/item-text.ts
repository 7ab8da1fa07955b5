import type { TFunction } from 'i18next';
import type { ServerTarget } from '../../../common/contract/schemas/journey';
import type { SshTargetRef } from '../../../common/contract/schemas/ssh';
import type { VaultItem } from '../../../common/contract/schemas/vault';

/** What tells an item apart in the list: the key's fingerprint, else the account (or the key id hint), or how many app settings. */
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
    case 'app-settings':
      // How many, never which values: the names are shown on the App page.
      return t('vault:list.settings', { count: item.names.length });
  }
}

/**
 * Where `ssh.copyCommand` should point for this key: the server in Settings that uses it (its user and port),
 * the host typed on the key (main's default user, port 22), or the setup's own server. `servers` are the
 * journey model's (derived.servers): the renderer never works out a server itself.
 */
export function commandTargetOf(item: VaultItem, servers: readonly ServerTarget[]): SshTargetRef | undefined {
  if (item.kind !== 'ssh-key') return undefined;
  const own = servers.find((s) => s.ref === 'ownServer' && s.keyId === item.id);
  if (own) return 'ownServer';
  if (item.serverHost) return { host: item.serverHost, keyId: item.id };
  return servers.some((s) => s.ref === 'setup' && s.keyId === item.id) ? 'setup' : undefined;
}

/** The server an SSH key opens: the server in Settings, its own typed address, or the guided setup's Elastic IP. */
export function serverOf(item: VaultItem, servers: readonly ServerTarget[]): string | undefined {
  if (item.kind !== 'ssh-key') return undefined;
  const own = servers.find((s) => s.ref === 'ownServer' && s.keyId === item.id);
  if (own) return own.host;
  return item.serverHost ?? servers.find((s) => s.ref === 'setup' && s.keyId === item.id)?.host;
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

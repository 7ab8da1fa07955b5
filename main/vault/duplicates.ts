/**
 * Refuses to store the same credential twice: SSH keys by fingerprint, access
 * keys by access key ID, console logins by user name + sign-in URL. App settings
 * are never a duplicate (each item is its own; the App step finds its setup's by
 * id). Returns the
 * label of the existing item (labels are not secret), never the secret itself.
 */
import type { ItemMeta, ItemSecret } from './items';
import type { PreparedItem } from './prepare-item';

function identity(item: ItemSecret | PreparedItem, meta?: { fingerprint?: string }): string | undefined {
  switch (item.kind) {
    case 'aws-access-key':
      return `aws:${item.secret.accessKeyId}`;
    case 'console-login':
      return `login:${item.secret.userName}\n${item.secret.signInUrl}`;
    case 'ssh-key':
      return `ssh:${meta?.fingerprint ?? ''}`;
    case 'app-settings':
      return undefined;
  }
}

export function findDuplicate(
  incoming: PreparedItem[],
  existing: ItemMeta[],
  openSecret: (id: string) => ItemSecret,
): string | null {
  const known = new Map<string, string>();
  for (const meta of existing) {
    if (meta.kind === 'ssh-key') known.set(`ssh:${meta.fingerprint}`, meta.label);
    else if (meta.kind !== 'app-settings') {
      const id = identity(openSecret(meta.id));
      if (id !== undefined) known.set(id, meta.label);
    }
  }
  for (const item of incoming) {
    const id = identity(item, item.kind === 'ssh-key' ? item.meta : undefined);
    if (id === undefined) continue;
    const label = known.get(id);
    if (label !== undefined) return label;
    known.set(id, item.meta.label);
  }
  return null;
}

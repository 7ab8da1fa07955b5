/** add()'s typed arguments and the kind guards the vault uses on its own results. */
import type { ItemDraft, ItemKind, ItemMeta, ItemMetaOf, ItemSecret, MetaInputByKind, SecretByKind } from './items';

/** add()'s arguments: the secret and meta types follow the kind. */
export type AddArgs = { [K in ItemKind]: [kind: K, secret: SecretByKind[K], meta: MetaInputByKind[K]] }[ItemKind];

export function draftFrom(args: AddArgs): ItemDraft {
  switch (args[0]) {
    case 'aws-access-key':
      return { kind: args[0], secret: args[1], meta: args[2] };
    case 'console-login':
      return { kind: args[0], secret: args[1], meta: args[2] };
    case 'ssh-key':
      return { kind: args[0], secret: args[1], meta: args[2] };
    case 'app-settings':
      return { kind: args[0], secret: args[1], meta: args[2] };
  }
}

export function isMetaOfKind<K extends ItemKind>(meta: ItemMeta, kind: K): meta is ItemMetaOf<K> {
  return meta.kind === kind;
}

export function isSecretOfKind<K extends ItemKind>(item: ItemSecret, kind: K): item is ItemSecret & { kind: K; secret: SecretByKind[K] } {
  return item.kind === kind;
}

/**
 * The vault: one encrypted file in the data dir, unlocked either by a master key
 * from the OS keychain or by a passphrase (chosen explicitly, never as a silent
 * fallback). Metadata is decrypted once at unlock and cached, so list() is a
 * Map read; secrets are decrypted only in getSecret(). Writes are serialised and
 * atomic; memory changes only after the file is safely replaced.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { writeFileAtomic, type AtomicWriteHooks } from '../storage/atomic-write';
import { deriveKeyFromPassphrase, SCRYPT_DEFAULTS, scryptParamsAcceptable } from './crypto';
import { findDuplicate } from './duplicates';
import { isKeychainFailureReason, vaultError, type KeychainFailureReason } from './errors';
import { parseVaultFile, serializeVaultFile, type ItemRecord, type VaultFile, type VaultMode } from './file-format';
import { keyOpensVault, makeCheck, openMeta, openSecret, resealMeta, sealItem, storedPartOf } from './item-codec';
import type { ItemDraft, ItemKind, ItemMeta, ItemMetaOf, ItemSecret, MetaInputByKind, SecretByKind } from './items';
import { createKeytarKeychain, type Keychain } from './keychain';
import { ensureMasterKey, probeKeychain, readMasterKey } from './master-key';
import { patchMeta, prepareItem, type MetaPatch } from './prepare-item';

export interface VaultStatus {
  mode: VaultMode | 'uninitialized';
  locked: boolean;
  itemCount?: number;
  /** Set when the keychain could not be reached: always 'vault.keychainUnavailable'. */
  keychainError?: string;
  keychainReason?: KeychainFailureReason;
}

export interface VaultServiceOptions {
  /** Directory of vault.json (created with mode 0700 if missing). */
  dataDir: string;
  /** Defaults to the OS keychain through keytar. */
  keychain?: Keychain;
  fileName?: string;
  /** Test seam, see atomic-write.ts. */
  beforeRename?: AtomicWriteHooks['beforeRename'];
}

export const MIN_PASSPHRASE_LENGTH = 8;

/** add()'s arguments: the secret and meta types follow the kind. */
export type AddArgs = { [K in ItemKind]: [kind: K, secret: SecretByKind[K], meta: MetaInputByKind[K]] }[ItemKind];

function draftFrom(args: AddArgs): ItemDraft {
  switch (args[0]) {
    case 'aws-access-key':
      return { kind: args[0], secret: args[1], meta: args[2] };
    case 'console-login':
      return { kind: args[0], secret: args[1], meta: args[2] };
    case 'ssh-key':
      return { kind: args[0], secret: args[1], meta: args[2] };
  }
}

interface Unlocked {
  key: Buffer;
  file: VaultFile;
  metas: Map<string, ItemMeta>;
}

export class VaultService {
  readonly filePath: string;
  private readonly keychain: Keychain;
  private unlocked: Unlocked | null = null;
  private lastKeychainError: AppError | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: VaultServiceOptions) {
    this.filePath = path.join(options.dataDir, options.fileName ?? 'vault.json');
    this.keychain = options.keychain ?? createKeytarKeychain();
  }

  // ---- state -------------------------------------------------------------

  async status(): Promise<VaultStatus> {
    if (this.unlocked) return this.unlockedStatus(this.unlocked);
    const file = await this.readVaultFile();
    if (file?.mode === 'passphrase') return { mode: 'passphrase', locked: true };
    await this.withKeychain(() => probeKeychain(this.keychain)).catch(() => undefined);
    return { mode: file ? 'keychain' : 'uninitialized', locked: true, ...this.keychainErrorFields() };
  }

  /** Unlocks a keychain-mode vault; reports (does not unlock) passphrase and uninitialized vaults. */
  open(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.unlocked) return this.unlockedStatus(this.unlocked);
      const file = await this.readVaultFile();
      if (!file || file.mode === 'passphrase') return this.status();
      const stored = await this.withKeychain(() => readMasterKey(this.keychain));
      if (stored.state === 'missing') {
        throw vaultError(
          'masterKeyMissing',
          'The keychain has no Onramp vault key. Unlock the keyring that holds it, or reset the vault.',
        );
      }
      if (stored.state === 'invalid' || !keyOpensVault(stored.key, file)) throw this.wrongKey();
      return this.unlockedStatus(this.unlock(stored.key, file));
    });
  }

  initWithKeychain(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      await this.assertNoVaultFile();
      const key = await this.withKeychain(() => ensureMasterKey(this.keychain));
      const file: VaultFile = { format: 'onramp-vault', version: 1, mode: 'keychain', check: makeCheck(key), items: [] };
      await this.persist(file);
      return this.unlockedStatus(this.unlock(key, file));
    });
  }

  initWithPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw vaultError('passphraseTooShort', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`, {
          min: MIN_PASSPHRASE_LENGTH,
        });
      }
      await this.assertNoVaultFile();
      const salt = randomBytes(16);
      const key = await deriveKeyFromPassphrase(passphrase, salt, SCRYPT_DEFAULTS);
      const kdf = { name: 'scrypt' as const, salt: salt.toString('base64'), ...SCRYPT_DEFAULTS };
      const file: VaultFile = { format: 'onramp-vault', version: 1, mode: 'passphrase', kdf, check: makeCheck(key), items: [] };
      await this.persist(file);
      return this.unlockedStatus(this.unlock(key, file));
    });
  }

  unlockWithPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.unlocked) return this.unlockedStatus(this.unlocked);
      const file = await this.readVaultFile();
      if (!file) throw vaultError('notInitialized', 'There is no vault yet.');
      if (file.mode !== 'passphrase') {
        throw vaultError('wrongMode', `This vault is unlocked by the ${file.mode}, not by a passphrase.`, { mode: file.mode });
      }
      const { salt, N, r, p } = file.kdf;
      if (!scryptParamsAcceptable({ N, r, p })) {
        throw vaultError('corrupt', 'The vault file has unacceptable key derivation settings.', { fileName: path.basename(this.filePath) });
      }
      const key = await deriveKeyFromPassphrase(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
      if (!keyOpensVault(key, file)) throw vaultError('wrongPassphrase', 'The passphrase is not correct.');
      return this.unlockedStatus(this.unlock(key, file));
    });
  }

  /** Forgets the key and all decrypted metadata. */
  lock(): void {
    this.unlocked?.key.fill(0);
    this.unlocked = null;
  }

  /** Moves vault.json aside (never deletes it) so a new vault can be set up. */
  reset(): Promise<{ backupPath: string | null }> {
    return this.exclusive(async () => {
      this.lock();
      const backupPath = `${this.filePath}.reset-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      try {
        await rename(this.filePath, backupPath);
        return { backupPath };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { backupPath: null };
        throw error;
      }
    });
  }

  // ---- items -------------------------------------------------------------

  /** Metadata only, no secret fields; cheap (in-memory). */
  list(): ItemMeta[] {
    return [...this.requireUnlocked().metas.values()];
  }

  get(id: string): ItemMeta {
    const meta = this.requireUnlocked().metas.get(id);
    if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
    return meta;
  }

  async add<A extends AddArgs>(...args: A): Promise<ItemMetaOf<A[0]>> {
    const [meta] = await this.addMany([draftFrom(args)]);
    if (!meta || !isMetaOfKind<A[0]>(meta, args[0])) throw new Error('addMany returned no item of that kind');
    return meta;
  }

  /** Adds several items with one file write (all or nothing), e.g. from an import. */
  addMany(drafts: ItemDraft[]): Promise<ItemMeta[]> {
    return this.exclusive(async () => {
      const state = this.requireUnlocked();
      const now = new Date().toISOString();
      const prepared = drafts.map((draft) => prepareItem(draft, now));
      const duplicate = findDuplicate(prepared, [...state.metas.values()], (id) => this.openSecretOf(state, id));
      if (duplicate) throw vaultError('duplicateItem', `This is already in the vault as "${duplicate}".`, { label: duplicate });
      const records = prepared.map((item) => sealItem(state.key, randomUUID(), item.kind, item.meta, item.secret));
      const metas = records.map((record) => openMeta(state.key, record));
      await this.commit(state, { ...state.file, items: [...state.file.items, ...records] });
      for (const meta of metas) state.metas.set(meta.id, meta);
      return metas;
    });
  }

  rename(id: string, label: string): Promise<ItemMeta> {
    return this.updateMeta(id, { label });
  }

  updateMeta(id: string, patch: MetaPatch): Promise<ItemMeta> {
    return this.exclusive(async () => {
      const state = this.requireUnlocked();
      const next = patchMeta(this.get(id), patch, new Date().toISOString());
      const items = state.file.items.map((record) =>
        record.id === id ? resealMeta(state.key, record, record.kind, storedPartOf(next)) : record,
      );
      await this.commit(state, { ...state.file, items });
      state.metas.set(id, next);
      return next;
    });
  }

  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      const state = this.requireUnlocked();
      this.get(id);
      await this.commit(state, { ...state.file, items: state.file.items.filter((record) => record.id !== id) });
      state.metas.delete(id);
    });
  }

  /** MAIN PROCESS ONLY: the decrypted secret. Never send this to the renderer. */
  async getSecret(id: string): Promise<ItemSecret> {
    return this.openSecretOf(this.requireUnlocked(), id);
  }

  async getSecretOf<K extends ItemKind>(id: string, kind: K): Promise<SecretByKind[K]> {
    const item = await this.getSecret(id);
    if (!isSecretOfKind(item, kind)) {
      throw vaultError('wrongItemKind', `Item ${id} is a ${item.kind}, not a ${kind}.`, { expected: kind, actual: item.kind });
    }
    return item.secret;
  }

  // ---- internals ---------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw vaultError('locked', 'The vault is locked.');
    return this.unlocked;
  }

  private openSecretOf(state: Unlocked, id: string): ItemSecret {
    const record: ItemRecord | undefined = state.file.items.find((item) => item.id === id);
    if (!record) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
    return openSecret(state.key, record);
  }

  private unlock(key: Buffer, file: VaultFile): Unlocked {
    const metas = new Map(file.items.map((record) => [record.id, openMeta(key, record)] as const));
    this.unlocked = { key, file, metas };
    return this.unlocked;
  }

  private unlockedStatus(state: Unlocked): VaultStatus {
    return { mode: state.file.mode, locked: false, itemCount: state.metas.size };
  }

  private wrongKey(): AppError {
    return vaultError(
      'wrongKey',
      'The key in the keychain does not open this vault (it belongs to another vault or was replaced). Nothing was changed.',
    );
  }

  private async withKeychain<T>(task: () => Promise<T>): Promise<T> {
    try {
      const result = await task();
      this.lastKeychainError = null;
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'vault.keychainUnavailable') this.lastKeychainError = error;
      throw error;
    }
  }

  private keychainErrorFields(): Pick<VaultStatus, 'keychainError' | 'keychainReason'> {
    const error = this.lastKeychainError;
    if (!error) return {};
    const reason = error.params?.reason;
    return { keychainError: error.code, ...(isKeychainFailureReason(reason) ? { keychainReason: reason } : {}) };
  }

  private async readVaultFile(): Promise<VaultFile | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw vaultError('fileUnreadable', `The vault file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
        fileName: this.filePath,
      });
    }
    return parseVaultFile(text, path.basename(this.filePath));
  }

  private async assertNoVaultFile(): Promise<void> {
    if (await this.readVaultFile().catch(() => 'unreadable')) {
      throw vaultError('alreadyInitialized', 'A vault already exists; open it or reset it first.');
    }
  }

  private async persist(file: VaultFile): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.filePath, serializeVaultFile(file), { beforeRename: this.options.beforeRename });
  }

  private async commit(state: Unlocked, next: VaultFile): Promise<void> {
    await this.persist(next);
    state.file = next;
  }
}

function isMetaOfKind<K extends ItemKind>(meta: ItemMeta, kind: K): meta is ItemMetaOf<K> {
  return meta.kind === kind;
}

function isSecretOfKind<K extends ItemKind>(item: ItemSecret, kind: K): item is ItemSecret & { kind: K; secret: SecretByKind[K] } {
  return item.kind === kind;
}

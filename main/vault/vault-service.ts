/**
 * The vault: one encrypted file in the data dir, unlocked either by a master key
 * from the OS keychain or by a passphrase (chosen explicitly, never as a silent
 * fallback). Metadata is decrypted once at unlock and cached, so list() is a
 * Map read; secrets are decrypted only in getSecret(). Writes are serialised in
 * this process and, across processes sharing the data dir, by a lock file;
 * under the lock the file is re-read if another process wrote it, so no update
 * is lost. Memory changes only after the file is safely replaced. Every change
 * is announced to onChange() listeners (the contract's `vault.changed`).
 * A damaged item never keeps the vault shut: it is listed by damaged().
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { PrivateDirResult } from '../storage/private-dir';
import { watchFile } from '../storage/watch-file';
import { deriveKeyFromPassphrase, SCRYPT_DEFAULTS, scryptParamsAcceptable } from './crypto';
import { findDuplicate } from './duplicates';
import { vaultError } from './errors';
import type { ItemRecord, VaultFile } from './file-format';
import { keyOpensVault, makeCheck, openMeta, openSecret, resealMeta, sealItem, storedPartOf } from './item-codec';
import type { ItemDraft, ItemKind, ItemMeta, ItemMetaOf, ItemSecret, SecretByKind } from './items';
import { createKeytarKeychain } from './keychain';
import { KeychainAccess } from './keychain-access';
import { draftFrom, isMetaOfKind, isSecretOfKind, type AddArgs } from './item-args';
import { ensureMasterKey, probeKeychain, readMasterKey } from './master-key';
import { assertNamesMatchValues, patchMeta, prepareItem, replaceSecretOf, type MetaPatch, type PreparedItem } from './prepare-item';
import { openState, rawRecordText, withoutItem, type DamagedItem, type Unlocked } from './unlocked-state';
import { sameStamp, VaultDisk } from './vault-disk';
import type { VaultChangeListener, VaultServiceOptions, VaultStatus } from './vault-service-types';

export type { AddArgs } from './item-args';
export type { VaultChangeListener, VaultServiceOptions, VaultStatus } from './vault-service-types';

export const MIN_PASSPHRASE_LENGTH = 8;

const wrongItemKind = (id: string, actual: ItemKind, expected: ItemKind) =>
  vaultError('wrongItemKind', `Item ${id} is a ${actual}, not a ${expected}.`, { expected, actual });

export class VaultService {
  readonly filePath: string;
  private readonly disk: VaultDisk;
  private readonly keychain: KeychainAccess;
  private unlocked: Unlocked | null = null;
  private dirState: PrivateDirResult | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<VaultChangeListener>();
  private changed = false;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly options: VaultServiceOptions) {
    this.disk = new VaultDisk(options.dataDir, options.fileName ?? 'vault.json', options.beforeRename);
    this.filePath = this.disk.filePath;
    this.keychain = new KeychainAccess(options.keychain ?? createKeytarKeychain());
  }

  // ---- announcements -----------------------------------------------------

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: VaultChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Follows the file, so a change written by another process shows up here
   * (and is announced) without waiting for the next call. Stop with dispose().
   */
  async watch(): Promise<void> {
    if (this.stopWatching) return;
    await this.disk.ensureDir();
    this.stopWatching = watchFile(this.options.dataDir, path.basename(this.filePath), () => void this.refresh().catch(() => undefined));
  }

  dispose(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.listeners.clear();
  }

  // ---- state -------------------------------------------------------------

  async status(): Promise<VaultStatus> {
    await this.checkDir();
    if (this.unlocked) return this.unlockedStatus(this.unlocked);
    const file = (await this.disk.read())?.file;
    if (file?.mode === 'passphrase') return { mode: 'passphrase', locked: true, ...this.dirFields() };
    await this.keychain.run(probeKeychain).catch(() => undefined);
    return { mode: file ? 'keychain' : 'uninitialized', locked: true, ...this.keychain.errorFields(), ...this.dirFields() };
  }

  /** Unlocks a keychain-mode vault; reports (does not unlock) passphrase and uninitialized vaults. */
  open(): Promise<VaultStatus> {
    return this.changing(async () => {
      if (this.unlocked) return this.unlockedStatus(this.unlocked);
      const read = await this.disk.read();
      if (!read || read.file.mode === 'passphrase') return this.status();
      const stored = await this.keychain.run(readMasterKey);
      if (stored.state === 'missing') {
        throw vaultError(
          'masterKeyMissing',
          'The keychain has no Onramp vault key. Unlock the keyring that holds it, or reset the vault.',
        );
      }
      if (stored.state === 'invalid' || !keyOpensVault(stored.key, read.file)) throw this.wrongKey();
      return this.unlockedStatus(this.unlock(stored.key, read));
    });
  }

  initWithKeychain(): Promise<VaultStatus> {
    return this.changing(async () => {
      await this.assertNoVaultFile();
      await this.keychain.run(ensureMasterKey); // fails before anything is written if the keychain cannot keep a key
      return this.disk.locked(async () => {
        await this.assertNoVaultFile();
        const key = await this.keychain.run(ensureMasterKey); // the key now in the keychain, if another process just stored one
        const file: VaultFile = { format: 'onramp-vault', version: 1, mode: 'keychain', check: makeCheck(key), items: [], malformed: [] };
        return this.unlockedStatus(this.unlock(key, { file, stamp: await this.disk.write(file) }));
      });
    });
  }

  initWithPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.changing(async () => {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw vaultError('passphraseTooShort', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`, {
          min: MIN_PASSPHRASE_LENGTH,
        });
      }
      await this.assertNoVaultFile();
      const salt = randomBytes(16);
      const key = await deriveKeyFromPassphrase(passphrase, salt, SCRYPT_DEFAULTS);
      const kdf = { name: 'scrypt' as const, salt: salt.toString('base64'), ...SCRYPT_DEFAULTS };
      const file: VaultFile = { format: 'onramp-vault', version: 1, mode: 'passphrase', kdf, check: makeCheck(key), items: [], malformed: [] };
      return this.disk.locked(async () => {
        await this.assertNoVaultFile(); // another process may have set one up while scrypt ran
        return this.unlockedStatus(this.unlock(key, { file, stamp: await this.disk.write(file) }));
      });
    });
  }

  unlockWithPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.changing(async () => {
      if (this.unlocked) return this.unlockedStatus(this.unlocked);
      const read = await this.disk.read();
      if (!read) throw vaultError('notInitialized', 'There is no vault yet.');
      const { file } = read;
      if (file.mode !== 'passphrase') {
        throw vaultError('wrongMode', `This vault is unlocked by the ${file.mode}, not by a passphrase.`, { mode: file.mode });
      }
      const { salt, N, r, p } = file.kdf;
      if (!scryptParamsAcceptable({ N, r, p })) {
        throw vaultError('corrupt', 'The vault file has unacceptable key derivation settings.', { fileName: path.basename(this.filePath) });
      }
      const key = await deriveKeyFromPassphrase(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
      if (!keyOpensVault(key, file)) throw vaultError('wrongPassphrase', 'The passphrase is not correct.');
      return this.unlockedStatus(this.unlock(key, read));
    });
  }

  /** Forgets the key and all decrypted metadata. */
  lock(): Promise<void> {
    return this.changing(async () => this.forget());
  }

  /** Moves vault.json aside (never deletes it) so a new vault can be set up. */
  reset(): Promise<{ backupPath: string | null }> {
    return this.changing(() =>
      this.disk.locked(async () => {
        this.forget();
        return { backupPath: await this.disk.moveAside() };
      }),
    );
  }

  /**
   * Re-reads the file if another process changed it since this one last read
   * or wrote it, and announces the change. True if something changed.
   */
  refresh(): Promise<boolean> {
    return this.changing(async () => {
      const state = this.unlocked;
      if (!state || sameStamp(await this.disk.stamp(), state.stamp)) return false;
      await this.reload(state);
      return true;
    });
  }

  // ---- items -------------------------------------------------------------

  /** Metadata only, no secret fields; cheap (in-memory). */
  list(): ItemMeta[] {
    return [...this.requireUnlocked().metas.values()];
  }

  /** Items that cannot be read (damaged or altered records); they stay in the file until removed. */
  damaged(): DamagedItem[] {
    return [...this.requireUnlocked().damaged.values()];
  }

  get(id: string): ItemMeta {
    const meta = this.find(id);
    if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
    return meta;
  }

  /** Metadata of a healthy item, undefined if there is none with that id. */
  find(id: string): ItemMeta | undefined {
    return this.requireUnlocked().metas.get(id);
  }

  /** MAIN PROCESS ONLY. A damaged item's record exactly as stored (still encrypted), for "Export raw". */
  damagedRecordText(id: string): string {
    const text = rawRecordText(this.requireUnlocked(), id);
    if (text === undefined) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
    return text;
  }

  async add<A extends AddArgs>(...args: A): Promise<ItemMetaOf<A[0]>> {
    const [meta] = await this.addMany([draftFrom(args)]);
    if (!meta || !isMetaOfKind<A[0]>(meta, args[0])) throw new Error('addMany returned no item of that kind');
    return meta;
  }

  /** Adds several items with one file write (all or nothing), e.g. from an import. */
  addMany(drafts: ItemDraft[]): Promise<ItemMeta[]> {
    return this.mutate(async (state) => {
      const now = new Date().toISOString();
      const prepared = drafts.map((draft) => prepareItem(draft, now));
      this.refuseDuplicates(state, prepared);
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
    return this.mutate(async (state) => {
      const next = patchMeta(this.get(id), patch, new Date().toISOString());
      if (next.kind === 'app-settings' && patch.names !== undefined) {
        const held = this.openSecretOf(state, id);
        if (held.kind === 'app-settings') assertNamesMatchValues(next.names, held.secret.values); // names follow the values kept
      }
      const items = state.file.items.map((record) =>
        record.id === id ? resealMeta(state.key, record, record.kind, storedPartOf(next)) : record,
      );
      await this.commit(state, { ...state.file, items });
      state.metas.set(id, next);
      return next;
    });
  }

  /**
   * Replaces the secret of item `id` (refused unless it is of `kind`), with an
   * optional metadata patch, in one write: checked like a new item (vault.invalidItem,
   * vault.duplicateItem against the other items), both parts sealed again with
   * fresh nonces, createdAt kept. Announced like every change.
   */
  replaceSecret<K extends ItemKind>(id: string, kind: K, secret: SecretByKind[K], metaPatch: MetaPatch = {}): Promise<ItemMetaOf<K>> {
    return this.mutate(async (state) => {
      const current = this.get(id);
      if (!isMetaOfKind(current, kind)) throw wrongItemKind(id, current.kind, kind);
      const prepared = replaceSecretOf(current, secret, metaPatch, new Date().toISOString());
      this.refuseDuplicates(state, [prepared], id);
      const record = sealItem(state.key, id, prepared.kind, prepared.meta, prepared.secret);
      const next = openMeta(state.key, record);
      if (!isMetaOfKind(next, kind)) throw new Error('the replaced item changed kind');
      await this.commit(state, { ...state.file, items: state.file.items.map((item) => (item.id === id ? record : item)) });
      state.metas.set(id, next);
      return next;
    });
  }

  /** Removes an item, healthy or damaged. */
  remove(id: string): Promise<void> {
    return this.mutate(async (state) => {
      if (!state.metas.has(id) && !state.damaged.has(id)) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
      await this.commit(state, withoutItem(state.file, id));
      state.metas.delete(id);
      state.damaged.delete(id);
    });
  }

  /** MAIN PROCESS ONLY: the decrypted secret. Never send this to the renderer. */
  async getSecret(id: string): Promise<ItemSecret> {
    return this.openSecretOf(this.requireUnlocked(), id);
  }

  async getSecretOf<K extends ItemKind>(id: string, kind: K): Promise<SecretByKind[K]> {
    const item = await this.getSecret(id);
    if (!isSecretOfKind(item, kind)) throw wrongItemKind(id, item.kind, kind);
    return item.secret;
  }

  // ---- internals ---------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** In turn with every other call here; announces afterwards if anything changed, even when the task failed. */
  private changing<T>(task: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await task();
      } finally {
        if (this.changed) {
          this.changed = false;
          for (const listener of this.listeners) await Promise.resolve(listener()).catch(() => undefined);
        }
      }
    });
  }

  /** A read-modify-write: under the cross-process lock, on the file as it is now on disk. */
  private mutate<T>(change: (state: Unlocked) => Promise<T>): Promise<T> {
    return this.changing(() =>
      this.disk.locked(async () => {
        const state = this.requireUnlocked();
        return change(sameStamp(await this.disk.stamp(), state.stamp) ? state : await this.reload(state));
      }),
    );
  }

  /** Takes in what another process wrote; a vault reset or replaced elsewhere locks this one. */
  private async reload(state: Unlocked): Promise<Unlocked> {
    const read = await this.disk.read();
    this.changed = true;
    if (!read || read.file.mode !== state.file.mode || !keyOpensVault(state.key, read.file)) {
      this.forget();
      throw vaultError('changedElsewhere', 'The vault was reset or replaced by another Onramp window; open it again.');
    }
    this.unlocked = openState(state.key, read.file, read.stamp, state);
    return this.unlocked;
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw vaultError('locked', 'The vault is locked.');
    return this.unlocked;
  }

  /** vault.duplicateItem if an item would hold a credential another item (not `except`) already holds. */
  private refuseDuplicates(state: Unlocked, prepared: PreparedItem[], except?: string): void {
    const existing = [...state.metas.values()].filter((meta) => meta.id !== except);
    const duplicate = findDuplicate(prepared, existing, (id) => this.openSecretOf(state, id));
    if (duplicate) throw vaultError('duplicateItem', `This is already in the vault as "${duplicate}".`, { label: duplicate });
  }

  private openSecretOf(state: Unlocked, id: string): ItemSecret {
    const record: ItemRecord | undefined = state.file.items.find((item) => item.id === id);
    if (!record) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
    return openSecret(state.key, record);
  }

  private unlock(key: Buffer, read: { file: VaultFile; stamp: Unlocked['stamp'] }): Unlocked {
    this.unlocked = openState(key, read.file, read.stamp);
    this.changed = true;
    return this.unlocked;
  }

  private forget(): void {
    if (!this.unlocked) return;
    this.unlocked.key.fill(0);
    this.unlocked = null;
    this.changed = true;
  }

  private unlockedStatus(state: Unlocked): VaultStatus {
    return { mode: state.file.mode, locked: false, itemCount: state.metas.size, ...this.dirFields() };
  }

  private async checkDir(): Promise<void> {
    this.dirState = await this.disk.ensureDir();
  }

  private dirFields(): Pick<VaultStatus, 'dataDirMode'> {
    return this.dirState && !this.dirState.private ? { dataDirMode: this.dirState.mode } : {};
  }

  private wrongKey(): AppError {
    return vaultError(
      'wrongKey',
      'The key in the keychain does not open this vault (it belongs to another vault or was replaced). Nothing was changed.',
    );
  }

  private async assertNoVaultFile(): Promise<void> {
    if (await this.disk.read().catch(() => 'unreadable')) {
      throw vaultError('alreadyInitialized', 'A vault already exists; open it or reset it first.');
    }
  }

  private async commit(state: Unlocked, next: VaultFile): Promise<void> {
    state.stamp = await this.disk.write(next);
    state.file = next;
    this.changed = true;
  }
}

/**
 * The vault file on disk: reading it together with a stamp (inode, size,
 * mtime) taken from the same open file, writing it atomically, the
 * cross-process lock around read-modify-write, and the private data dir.
 */
import { open, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, type AtomicWriteHooks } from '../storage/atomic-write';
import { FileLockTimeout, withFileLock } from '../storage/file-lock';
import { ensurePrivateDir, type PrivateDirResult } from '../storage/private-dir';
import { vaultError } from './errors';
import { parseVaultFile, serializeVaultFile, type VaultFile } from './file-format';

/** Identifies one version of the file: every atomic write makes a new inode. */
export interface FileStamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

export const sameStamp = (a: FileStamp | null, b: FileStamp | null): boolean =>
  a === b || (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs);

const stampOf = (info: { ino: bigint; size: bigint; mtimeNs: bigint }): FileStamp => ({ ino: info.ino, size: info.size, mtimeNs: info.mtimeNs });

export class VaultDisk {
  readonly filePath: string;
  readonly lockPath: string;
  private privateDir: Promise<PrivateDirResult> | undefined;

  constructor(
    readonly dataDir: string,
    fileName: string,
    private readonly beforeRename?: AtomicWriteHooks['beforeRename'],
  ) {
    this.filePath = path.join(dataDir, fileName);
    this.lockPath = `${this.filePath}.lock`;
  }

  /** Creates the data dir 0700 or tightens it, once per service. */
  ensureDir(): Promise<PrivateDirResult> {
    this.privateDir ??= ensurePrivateDir(this.dataDir).catch((error: unknown) => {
      this.privateDir = undefined;
      throw error;
    });
    return this.privateDir;
  }

  async stamp(): Promise<FileStamp | null> {
    try {
      return stampOf(await stat(this.filePath, { bigint: true }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.unreadable(error);
    }
  }

  /** The file and the stamp of exactly the version that was read; null if there is no vault. */
  async read(): Promise<{ file: VaultFile; stamp: FileStamp } | null> {
    let text: string;
    let stamp: FileStamp;
    try {
      const handle = await open(this.filePath, 'r');
      try {
        stamp = stampOf(await handle.stat({ bigint: true }));
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.unreadable(error);
    }
    return { file: parseVaultFile(text, path.basename(this.filePath)), stamp };
  }

  async write(file: VaultFile): Promise<FileStamp | null> {
    await this.ensureDir();
    await writeFileAtomic(this.filePath, serializeVaultFile(file), { beforeRename: this.beforeRename });
    return this.stamp();
  }

  /** Moves the file aside; null if there was none. */
  async moveAside(): Promise<string | null> {
    const backupPath = `${this.filePath}.reset-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    try {
      await rename(this.filePath, backupPath);
      return backupPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Runs `task` holding the vault's cross-process lock (another Onramp may share the data dir). */
  async locked<T>(task: () => Promise<T>): Promise<T> {
    await this.ensureDir();
    try {
      return await withFileLock(this.lockPath, task);
    } catch (error) {
      if (error instanceof FileLockTimeout) {
        throw vaultError('busy', 'Another Onramp window is changing the vault and did not finish; try again.', {
          fileName: path.basename(this.lockPath),
        });
      }
      throw error;
    }
  }

  private unreadable(error: unknown) {
    return vaultError('fileUnreadable', `The vault file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      fileName: this.filePath,
    });
  }
}

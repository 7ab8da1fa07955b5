/** Writes a file that holds a secret: mode 0600 from the moment it exists, never chmod-ed afterwards. */
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import { vaultError } from './errors';

export interface SecretFileOptions {
  /** Replace an existing file (atomically, the new file is 0600 too). Default false. */
  overwrite?: boolean;
}

export async function writeSecretFile(target: string, content: string, options: SecretFileOptions = {}): Promise<void> {
  if (options.overwrite) {
    await writeFileAtomic(target, content);
    return;
  }
  let handle: FileHandle;
  try {
    handle = await open(target, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw vaultError('exportTargetExists', 'A file with that name already exists.', { fileName: path.basename(target) });
    throw vaultError('exportFailed', `The file could not be written (${code ?? 'error'}).`, { fileName: path.basename(target) });
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(target, { force: true });
    throw vaultError('exportFailed', `The file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      fileName: path.basename(target),
    });
  }
}

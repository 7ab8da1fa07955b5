/**
 * The data dir holds the vault, known_hosts and the setup state: only its owner
 * may list or enter it. Created 0700; an existing looser one (for example 0755
 * from an older version or a hand-made folder) is tightened to 0700. When that
 * is impossible (not the owner, read-only file system) the caller gets the mode
 * to report instead of a silent pass.
 */
import { chmod, mkdir, stat } from 'node:fs/promises';

export interface PrivateDirResult {
  /** True if only the owner can read, write or enter it now. */
  private: boolean;
  /** Permission bits as they are now, e.g. `0700` or `0755`. */
  mode: string;
  /** True if it was looser and has been tightened. */
  tightened: boolean;
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

export async function ensurePrivateDir(dir: string): Promise<PrivateDirResult> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const before = (await stat(dir)).mode;
  if ((before & 0o077) === 0) return { private: true, mode: octal(before), tightened: false };
  try {
    await chmod(dir, (before & 0o700) | 0o700);
  } catch {
    return { private: false, mode: octal(before), tightened: false };
  }
  const after = (await stat(dir)).mode;
  return { private: (after & 0o077) === 0, mode: octal(after), tightened: (after & 0o077) === 0 };
}

/** The data dir is private: created 0700, a looser existing one tightened. */
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from './private-dir';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'onramp-privdir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

describe('ensurePrivateDir', () => {
  it('creates a missing data dir with mode 0700', async () => {
    const dir = path.join(root, 'Onramp');
    expect(await ensurePrivateDir(dir)).toEqual({ private: true, mode: '0700', tightened: false });
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('tightens an existing 0755 data dir to 0700', async () => {
    const dir = path.join(root, 'Onramp');
    await ensurePrivateDir(dir);
    await chmod(dir, 0o755);
    expect(await ensurePrivateDir(dir)).toEqual({ private: true, mode: '0700', tightened: true });
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('tightens a world-writable 0777 one too', async () => {
    const dir = path.join(root, 'Onramp');
    await ensurePrivateDir(dir);
    await chmod(dir, 0o777);
    expect((await ensurePrivateDir(dir)).private).toBe(true);
    expect(await modeOf(dir)).toBe(0o700);
  });
});

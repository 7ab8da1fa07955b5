/** Folder upload over SFTP against a REAL OpenSSH server (the fixture of exec-sftp.integration.test.ts). */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fixtureManager, type FixtureManager } from '../testing/ssh/fixture-manager';
import type { UploadTreeFile } from './sftp-upload-tree';

const TREE: { path: string; data: Buffer; mode: number }[] = [
  { path: 'index.html', data: Buffer.from('<h1>안녕</h1>\n'), mode: 0o644 },
  { path: 'assets/app.js', data: Buffer.from('console.log(1);\n'), mode: 0o644 },
  { path: 'assets/img/logo.svg', data: Buffer.from('<svg/>'), mode: 0o600 },
  { path: 'bin/run.sh', data: Buffer.from('#!/bin/sh\necho ok\n'), mode: 0o4755 }, // setuid must not go up
  { path: 'empty.txt', data: Buffer.alloc(0), mode: 0o644 },
  ...Array.from({ length: 10 }, (_, i) => ({ path: `docs/page-${i}.html`, data: Buffer.from(`<p>${i}</p>\n`), mode: 0o644 })),
  // Last, after more files than are sent at a time: some file is complete before it starts.
  { path: 'data/big.bin', data: randomBytes(3 * 1024 * 1024), mode: 0o644 },
];
const TOTAL = TREE.reduce((sum, file) => sum + file.data.length, 0);
const FILES: UploadTreeFile[] = TREE.map((file) => ({ path: file.path, size: file.data.length, mode: file.mode }));

describe('uploadTree on a real sshd', () => {
  let sshd: SshdFixture;
  let ctx: FixtureManager;
  let localRoot: string;
  const remoteBase = `/home/onramp/onramp-upload-${process.pid}-${Date.now()}`;
  let run = 0;
  const freshRemoteDir = () => `${remoteBase}/release-${++run}`;

  beforeAll(async () => {
    sshd = await startSshd();
    ctx = await fixtureManager(sshd);
    await ctx.trustFixture();
    localRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-upload-src-'));
    for (const file of TREE) {
      const local = path.join(localRoot, file.path);
      await fs.mkdir(path.dirname(local), { recursive: true });
      await fs.writeFile(local, file.data);
      await fs.chmod(local, file.mode);
    }
  });
  afterAll(async () => {
    await fs.rm(remoteBase, { recursive: true, force: true });
    if (localRoot) await fs.rm(localRoot, { recursive: true, force: true });
    await ctx?.dispose();
    await sshd?.stop();
  });

  async function expectSameTree(remoteDir: string): Promise<void> {
    for (const file of TREE) {
      const remote = path.join(remoteDir, file.path);
      expect((await fs.readFile(remote)).equals(file.data), file.path).toBe(true);
      expect((await fs.stat(remote)).mode & 0o7777, file.path).toBe(file.mode & 0o755);
    }
  }

  async function partFiles(dir: string): Promise<string[]> {
    const entries = await fs.readdir(dir, { recursive: true });
    return entries.filter((name) => name.endsWith('.onramp-part'));
  }

  it('uploads nested folders with bytes and modes intact; progress is throttled and ends at the total', async () => {
    const remoteDir = `${freshRemoteDir()}/site`; // parents are created too
    const calls: [number, number, string][] = [];
    const started = performance.now();
    const result = await ctx.manager.uploadTree(
      ctx.target(),
      { localRoot, files: FILES, remoteDir },
      { onProgress: (sent, total, file) => calls.push([sent, total, file]) },
    );
    const elapsedMs = performance.now() - started;
    expect(result).toEqual({ sentFiles: TREE.length, sentBytes: TOTAL, skippedFiles: 0 });
    await expectSameTree(remoteDir);
    expect((await fs.stat(path.join(remoteDir, 'assets/img'))).mode & 0o7777).toBe(0o755);
    expect(await partFiles(remoteDir)).toEqual([]);

    expect(calls.at(-1)?.slice(0, 2)).toEqual([TOTAL, TOTAL]);
    expect(calls.every(([, total]) => total === TOTAL)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    // ~10 a second plus the final one (3 MB is ~96 chunks, so unthrottled would be far more).
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 2);

    // Unchanged: nothing is sent again, and progress still ends at the total.
    const again: number[] = [];
    const second = await ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir }, { onProgress: (sent) => again.push(sent) });
    expect(second).toEqual({ sentFiles: 0, sentBytes: 0, skippedFiles: TREE.length });
    expect(again.at(-1)).toBe(TOTAL);

    // Same size but another mtime on the server (e.g. edited there): sent again.
    const edited = path.join(remoteDir, 'assets/app.js');
    await fs.writeFile(edited, 'XXXXXXXXXXXXXXXX');
    await fs.utimes(edited, new Date('2020-01-01'), new Date('2020-01-01'));
    const third = await ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir }, {});
    expect(third).toEqual({ sentFiles: 1, sentBytes: 'console.log(1);\n'.length, skippedFiles: TREE.length - 1 });
    await expectSameTree(remoteDir);
  });

  it('resumes after a cancel: the second run sends only what is missing', async () => {
    const remoteDir = freshRemoteDir();
    const controller = new AbortController();
    let firstCall: [number, string] | undefined;
    const cancelled = ctx.manager.uploadTree(
      ctx.target(),
      { localRoot, files: FILES, remoteDir },
      {
        signal: controller.signal,
        progressIntervalMs: 0,
        onProgress: (sent, _total, file) => {
          // The first report from the big file: it is mid-way, and a worker finished a file before taking it.
          if (file !== 'data/big.bin' || firstCall) return;
          firstCall = [sent, file];
          controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(firstCall).toBeDefined();
    // The half-sent file never carries its final name.
    await expect(fs.stat(path.join(remoteDir, 'data/big.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
    const part = await fs.stat(path.join(remoteDir, 'data/big.bin.onramp-part'));
    expect(part.size).toBeLessThan(3 * 1024 * 1024);

    const complete = new Set<string>();
    for (const file of TREE) {
      const data = await fs.readFile(path.join(remoteDir, file.path)).catch(() => undefined);
      if (data?.equals(file.data)) complete.add(file.path);
    }
    expect(complete.size).toBeGreaterThan(0);
    const missing = TREE.filter((file) => !complete.has(file.path));

    const calls: number[] = [];
    const resumed = await ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir }, { onProgress: (sent) => calls.push(sent) });
    expect(resumed).toEqual({
      sentFiles: missing.length,
      sentBytes: missing.reduce((sum, file) => sum + file.data.length, 0),
      skippedFiles: complete.size,
    });
    expect(resumed.sentFiles).toBeLessThan(TREE.length);
    expect(calls[0]).toBeGreaterThanOrEqual(TOTAL - resumed.sentBytes); // resumes where it stopped
    expect(calls.at(-1)).toBe(TOTAL);
    await expectSameTree(remoteDir);
    expect(await partFiles(remoteDir)).toEqual([]);
  });

  it('refuses paths that leave the folder, before connecting or writing anything', async () => {
    const remoteDir = freshRemoteDir();
    for (const bad of ['../escape.txt', 'a/../../b', '/etc/passwd', 'a\\b', 'a//b', 'nul\0x']) {
      await expect(
        ctx.manager.uploadTree(ctx.target(), { localRoot, files: [...FILES, { path: bad, size: 1, mode: 0o644 }], remoteDir }),
      ).rejects.toMatchObject({ code: 'ssh.uploadPathInvalid', params: { path: bad } });
    }
    await expect(ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir: 'relative/dir' })).rejects.toMatchObject({
      code: 'ssh.uploadPathInvalid',
    });
    await expect(fs.stat(remoteDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a symlink instead of following it out of the folder', async () => {
    const link = path.join(localRoot, 'link.txt');
    await fs.symlink('/etc/hostname', link);
    try {
      await expect(
        ctx.manager.uploadTree(ctx.target(), { localRoot, files: [{ path: 'link.txt', size: 1, mode: 0o644 }], remoteDir: freshRemoteDir() }),
      ).rejects.toMatchObject({ code: 'ssh.uploadReadFailed', params: { path: 'link.txt' } });
    } finally {
      await fs.rm(link);
    }
  });

  it('reports a lost connection, and the next call (on a new connection) finishes the rest', async () => {
    const remoteDir = freshRemoteDir();
    let restarting: Promise<void> | undefined;
    const lost = ctx.manager.uploadTree(
      ctx.target(),
      { localRoot, files: FILES, remoteDir },
      {
        progressIntervalMs: 0,
        onProgress: (_sent, _total, file) => {
          if (file === 'data/big.bin') restarting ??= sshd.restart(); // drops every session
        },
      },
    );
    await expect(lost).rejects.toMatchObject({ code: 'ssh.connectionLost' });
    await restarting;
    const resumed = await ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir });
    expect(resumed.skippedFiles).toBeGreaterThan(0);
    expect(resumed.sentFiles + resumed.skippedFiles).toBe(TREE.length);
    await expectSameTree(remoteDir);
  });

  it('reports a folder the user may not write with its path', async () => {
    await expect(ctx.manager.uploadTree(ctx.target(), { localRoot, files: FILES, remoteDir: '/root/onramp-upload' })).rejects.toMatchObject({
      code: 'ssh.sftpFailed',
      params: { path: '/root/onramp-upload' },
    });
  });
});

/**
 * TEST ADAPTER for `TreeUploader` (main/app/app-deps.ts): sends a folder's
 * files one by one with the SSH manager's `writeFile` (each its own SFTP
 * write), after making their folders with one `mkdir -p`. It has none of the
 * product uploader's resume or single-session speed (main/ssh/sftp-upload-tree.ts);
 * it lets the App operations run end to end until that lands.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TreeUploader } from '../../app/app-deps';
import type { RemoteSsh } from '../../server/remote';
import { shellQuote } from '../../server/shell-quote';

export function testTreeUploader(ssh: Pick<RemoteSsh, 'exec' | 'writeFile'>): TreeUploader {
  return {
    async uploadTree(target, input, options) {
      const total = input.files.reduce((sum, f) => sum + f.size, 0);
      const dirs = new Set(input.files.map((f) => path.posix.dirname(`${input.remoteDir}/${f.path}`)));
      const made = await ssh.exec(target, `mkdir -p -- ${[...dirs].map(shellQuote).join(' ')}`, { timeoutMs: 30_000, maxOutputBytes: 16 * 1024 });
      if (made.code !== 0) throw new Error(`mkdir failed: ${made.stderr}`);
      let sentBytes = 0;
      for (const file of input.files) {
        if (options.signal?.aborted) throw new Error('cancelled');
        const data = await fs.readFile(path.join(input.localRoot, file.path));
        await ssh.writeFile(target, `${input.remoteDir}/${file.path}`, data, file.mode & 0o777);
        sentBytes += data.length;
        options.onProgress?.(sentBytes, total, file.path);
      }
      return { sentFiles: input.files.length, sentBytes, skippedFiles: 0 };
    },
  };
}

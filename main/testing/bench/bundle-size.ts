/**
 * `npm run size`: builds the packaged app's renderer into a temp dir (or reads
 * ONRAMP_SIZE_RENDERER_DIR) and prints what the first screen loads: each
 * initial chunk, then one final line `initial_js_kb=<n>` (gzip, level 9, KiB)
 * of the JS index.html loads before any lazy import.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildInto, initialJs } from '../bundle/built-renderer';

function main(): void {
  const given = process.env['ONRAMP_SIZE_RENDERER_DIR'];
  const outDir = given ? undefined : mkdtempSync(path.join(os.tmpdir(), 'onramp-size-'));
  try {
    if (outDir) buildInto(outDir, 'electron');
    const rendererDir = given ? path.resolve(given) : path.join(outDir ?? '', 'renderer');
    const initial = initialJs(rendererDir);
    for (const file of initial.files) {
      const gzip = gzipSync(readFileSync(path.join(rendererDir, file)), { level: 9 }).byteLength;
      console.log(`${file}\t${(gzip / 1024).toFixed(1)} KB gzip`);
    }
    console.log(`initial_js_kb=${(initial.gzipBytes / 1024).toFixed(1)}`);
  } finally {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
}

main();

/**
 * The built main bundle (electron-vite build) ships the import worker as its
 * own file beside index.js, main's code loads it by that name, and the built
 * worker really decrypts a key and refuses a too-costly one.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const mainOut = path.resolve(process.env['ONRAMP_OUT_DIR'] ?? 'out', 'main');
const keys = path.resolve('main/vault/import/fixtures/keys');

function runBuiltWorker(file: string, name: string, passphrase: string): Promise<unknown> {
  const bytes = new Uint8Array(readFileSync(path.join(keys, name)));
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.once('message', (answer: { id: number; reply: unknown }) => {
      void worker.terminate();
      resolve(answer.reply);
    });
    worker.once('error', reject);
    worker.postMessage({ id: 1, request: { bytes, fileName: name, passphrase } });
  });
}

interface BuiltImport {
  importFileIntoVault(vault: { addMany(drafts: unknown[]): Promise<unknown[]> }, bytes: Uint8Array, name: string, options: { passphrase?: string }): Promise<unknown[]>;
}

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : [],
  );

test('out/main/import-worker.js exists, main names it, and it imports keys', async () => {
  const worker = path.join(mainOut, 'import-worker.js');
  expect(existsSync(worker)).toBe(true);
  const loader = jsFiles(mainOut).filter((file) => file !== worker && readFileSync(file, 'utf8').includes('import-worker.js'));
  expect(loader.length).toBeGreaterThan(0);

  const imported = await runBuiltWorker(worker, 'ed25519-rounds-16', 'correct horse');
  expect(imported).toMatchObject({ ok: true, result: { source: 'ssh-key', drafts: [{ kind: 'ssh-key', meta: { label: 'ed25519-rounds-16' } }] } });

  const refused = await runBuiltWorker(worker, 'ed25519-rounds-200', 'correct horse');
  expect(refused).toMatchObject({ ok: false, error: { code: 'vault.keyKdfTooCostly', params: { kdf: 'bcrypt', cost: 200, max: 128 } } });
});

test("the built main code finds the worker from its chunk and imports through it", async () => {
  const chunk = jsFiles(mainOut).find((file) => /exports, "importFileIntoVault"/.test(readFileSync(file, 'utf8')));
  expect(chunk).toBeDefined();
  const built = (await import(chunk ?? '')) as BuiltImport & { default?: BuiltImport };
  const { importFileIntoVault } = built.default ?? built;
  const recordingVault = { addMany: async (drafts: unknown[]) => drafts };
  const bytes = new Uint8Array(readFileSync(path.join(keys, 'ed25519-rounds-16')));
  const drafts = await importFileIntoVault(recordingVault, bytes, 'id_ed25519', { passphrase: 'correct horse' });
  expect(drafts).toMatchObject([{ kind: 'ssh-key', meta: { label: 'id_ed25519' } }]);
});

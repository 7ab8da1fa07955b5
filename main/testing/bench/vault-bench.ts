/**
 * Vault benchmark: `npx tsx main/testing/bench/vault-bench.ts [--keyring] [--runs N]`
 * Fills a temp vault with 200 items, then measures
 *   open: a fresh VaultService + open() (read file, fetch master key, check it, decrypt 200 metadata blobs)
 *   add:  one add() into the 200-item vault (validate, duplicate check, encrypt, atomic write with 2 fsyncs)
 * Keychain: by default an IN-MEMORY keychain (labelled below), so the figures are the vault's own cost;
 * --keyring uses a real private gnome-keyring via main/testing/keyring-fixture.ts (needs dbus + gnome-keyring).
 * Ends with one line: open_ms=<median> add_ms=<median>
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ItemDraft } from '../../vault/items';
import { createKeytarKeychain, type Keychain } from '../../vault/keychain';
import { InMemoryKeychain } from '../../vault/memory-keychain';
import { VaultService } from '../../vault/vault-service';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomAccessKey = () => ({
  accessKeyId: `AKIA${Array.from(randomBytes(16), (b) => BASE32[b % 32]).join('')}`,
  secretAccessKey: randomBytes(30).toString('base64'),
});

function drafts(count: number): ItemDraft[] {
  return Array.from({ length: count }, (_, i): ItemDraft => {
    if (i % 4 === 3) {
      const { privateKey } = generateKeyPairSync('ed25519');
      return { kind: 'ssh-key', secret: { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, meta: { label: `key ${i}` } };
    }
    if (i % 4 === 2) {
      return {
        kind: 'console-login',
        secret: { userName: `user${i}`, password: randomBytes(12).toString('base64'), signInUrl: 'https://123456789012.signin.aws.amazon.com/console' },
        meta: { label: `user${i}`, accountId: '123456789012' },
      };
    }
    return { kind: 'aws-access-key', secret: randomAccessKey(), meta: { label: `access key ${i}` } };
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const fmt = (ms: number) => ms.toFixed(2);

async function main(): Promise<void> {
  const useKeyring = process.argv.includes('--keyring');
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onramp-vault-bench-'));
  let stopKeyring: (() => Promise<void>) | undefined;
  try {
    let keychain: Keychain;
    if (useKeyring) {
      const { startKeyring } = await import('../keyring-fixture');
      const keyring = await startKeyring();
      stopKeyring = keyring.stop;
      keychain = createKeytarKeychain();
      console.log('keychain: REAL gnome-keyring (private D-Bus session, keytar)');
    } else {
      keychain = new InMemoryKeychain();
      console.log('keychain: IN-MEMORY (bench only; excludes the OS keychain round trip)');
    }

    const vault = new VaultService({ dataDir, keychain });
    await vault.initWithKeychain();
    const items = drafts(200);
    const fillStart = performance.now();
    await vault.addMany(items);
    console.log(`fill: 200 items in one write: ${fmt(performance.now() - fillStart)} ms, file ${(await stat(vault.filePath)).size} bytes`);

    const openTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const fresh = new VaultService({ dataDir, keychain });
      await fresh.open();
      if (fresh.list().length < 200) throw new Error('open lost items');
      openTimes.push(performance.now() - start);
    }

    const addTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await vault.add('aws-access-key', randomAccessKey(), { label: `bench ${i}` });
      addTimes.push(performance.now() - start);
    }

    const listStart = performance.now();
    for (let i = 0; i < 1000; i++) vault.list();
    const listMs = (performance.now() - listStart) / 1000;

    console.log(`runs: ${runs}`);
    console.log(`open (200 items): median ${fmt(median(openTimes))} ms, min ${fmt(Math.min(...openTimes))}, max ${fmt(Math.max(...openTimes))}`);
    console.log(`add one (200+ items): median ${fmt(median(addTimes))} ms, min ${fmt(Math.min(...addTimes))}, max ${fmt(Math.max(...addTimes))}`);
    console.log(`list(): ${fmt(listMs)} ms per call`);
    console.log(`open_ms=${fmt(median(openTimes))} add_ms=${fmt(median(addTimes))}`);
  } finally {
    await stopKeyring?.();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : 'bench failed');
  process.exitCode = 1;
});

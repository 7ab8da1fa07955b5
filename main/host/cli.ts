/**
 * `npm run host`: builds services exactly as Electron's main does, serves the
 * built renderer, prints the URL to open in Chromium. Development and tests only.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../composition';
import { createKeytarKeychain } from '../vault/keychain';
import { createHostPlatform } from './host-platform';
import { HostPortTaken, startHost } from './host-server';
import { hostRendererDir } from './renderer-dir';

const dataDir = process.env['ONRAMP_DATA_DIR'] ?? mkdtempSync(path.join(os.tmpdir(), 'onramp-host-'));
const platform = createHostPlatform(process.env['npm_package_version'] ?? '0.0.0');
const services = createServices({ dataDir, keychain: createKeytarKeychain(), options: { platform } });

async function main(): Promise<void> {
  const host = await startHost({
    services,
    platform,
    rendererDir: process.env['ONRAMP_RENDERER_DIR'] ? path.resolve(process.env['ONRAMP_RENDERER_DIR']) : hostRendererDir(),
    port: Number(process.env['ONRAMP_HOST_PORT'] ?? 0),
  });
  console.log(`Onramp test host (development and tests only)\n  data dir: ${dataDir}\n  open:     ${host.url}`);
  const stop = () => void host.close().then(() => services.dispose()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(async (error: unknown) => {
  // A taken port (or any other start failure) ends the host with a message and a non-zero code, never a silent wait.
  console.error(error instanceof HostPortTaken ? error.message : `The test host could not start: ${error instanceof Error ? error.message : String(error)}`);
  await services.dispose().catch(() => undefined);
  process.exit(error instanceof HostPortTaken ? 2 : 1);
});

/**
 * A REAL authoritative DNS server on loopback for tests: Knot DNS (`knotd`,
 * apt package `knot`) in the foreground with its own config, zone files,
 * rundir and storage in a temp dir, on 127.0.0.1:<free port> (UDP and TCP).
 * Ready once `kdig` (apt `knot-dnsutils`) gets the first zone's SOA.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, run, startDaemon, type Daemon } from '../child-process';

export interface ZoneSpec {
  /** `onramp.test` (no trailing dot). */
  name: string;
  /** Zone file lines after `$ORIGIN` and `$TTL` (the SOA included). */
  records: string[];
}

export interface DnsServerFixture {
  readonly port: number;
  /** `127.0.0.1:<port>`, the form node:dns setServers takes. */
  readonly address: string;
  readonly dir: string;
  /** Rewrites a served zone and has Knot load it (as a change made at the registrar). Give a higher SOA serial. */
  replaceZone(zone: ZoneSpec): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

export async function startKnot(zones: readonly ZoneSpec[], { ttl = 300 }: { ttl?: number } = {}): Promise<DnsServerFixture> {
  const first = zones[0];
  if (!first) throw new Error('startKnot needs at least one zone');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-knot-'));
  const port = await freePort();
  await fs.mkdir(path.join(dir, 'db'));
  for (const zone of zones) {
    await fs.writeFile(path.join(dir, `${zone.name}.zone`), [`$ORIGIN ${zone.name}.`, `$TTL ${ttl}`, ...zone.records, ''].join('\n'));
  }
  const config = path.join(dir, 'knot.conf');
  await fs.writeFile(config, knotConfig(dir, port, zones));
  const socket = path.join(dir, 'knot.sock');
  const daemon: Daemon = startDaemon('knotd', ['-c', config, '-s', socket]);
  try {
    await waitForAnswer(port, first.name, daemon);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return {
    port,
    address: `127.0.0.1:${port}`,
    dir,
    log: () => daemon.output(),
    async replaceZone(zone) {
      await fs.writeFile(path.join(dir, `${zone.name}.zone`), [`$ORIGIN ${zone.name}.`, `$TTL ${ttl}`, ...zone.records, ''].join('\n'));
      const reload = await run('knotc', ['-s', socket, '-b', 'zone-reload', zone.name]);
      if (reload.code !== 0) throw new Error(`knotc zone-reload ${zone.name} failed: ${reload.stdout}${reload.stderr}`);
    },
    async stop() {
      await daemon.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

function knotConfig(dir: string, port: number, zones: readonly ZoneSpec[]): string {
  return [
    'server:',
    `    listen: 127.0.0.1@${port}`,
    `    rundir: "${dir}"`,
    'database:',
    `    storage: "${path.join(dir, 'db')}"`,
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    file: "%s.zone"',
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    'log:',
    '  - target: stderr',
    '    any: warning',
    'zone:',
    ...zones.map((zone) => `  - domain: ${zone.name}`),
    '',
  ].join('\n');
}

async function waitForAnswer(port: number, zone: string, daemon: Daemon, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.child.exitCode !== null) throw new Error(`knotd exited (${daemon.child.exitCode}): ${daemon.output()}`);
    const dig = await run('kdig', [`@127.0.0.1`, '-p', String(port), '+short', '+time=1', '+retry=0', zone, 'SOA']);
    if (dig.code === 0 && dig.stdout.trim()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`knotd did not answer on 127.0.0.1:${port} within ${timeoutMs} ms: ${daemon.output()}`);
}

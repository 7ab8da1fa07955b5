/**
 * A REAL ACME server on loopback (RECIPES §3): pebble, with
 * pebble-challtestsrv as its DNS (every A answer is 127.0.0.1), validating
 * http-01 for real on port 80 through nginx (no PEBBLE_VA_ALWAYS_VALID).
 * The ACME listener gets a TLS certificate from a throwaway CA made here.
 */
import { promises as fs } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort, run, startDaemon, waitForPort, type Daemon } from '../child-process';

export interface PebbleFixture {
  readonly directoryUrl: string;
  /** The CA of pebble's own HTTPS listener (for REQUESTS_CA_BUNDLE). */
  readonly listenerCaPem: string;
  /** challtestsrv's DNS server (`127.0.0.1`, port), which answers every A query with 127.0.0.1. */
  readonly dns: { host: string; port: number };
  /** Pebble's current root (a new one per start), which issued certificates chain to. */
  rootPem(): Promise<string>;
  /** listener CA + issuing root: what the app's custom-ACME "CA certificates" field takes. */
  caBundle(): Promise<string>;
  /** challtestsrv's management API: `add-a`, `add-aaaa`, `add-caa`, `clear-a` … with a JSON body. */
  mockDns(command: string, body: unknown): Promise<void>;
  stop(): Promise<void>;
}

async function openssl(args: string[]): Promise<void> {
  const result = await run('openssl', args);
  if (result.code !== 0) throw new Error(`openssl ${args[0]}: ${result.stderr}`);
}

export interface PebbleOptions {
  /** Where the ACME listener binds, also named in its certificate (default 127.0.0.1): a machine in its own network namespace reaches the host's veth address. */
  readonly listenHost?: string;
  /** What challtestsrv answers for every A query, so the address pebble validates http-01 against (default 127.0.0.1). */
  readonly answerIPv4?: string;
}

async function makeListenerCert(dir: string, listenHost: string): Promise<void> {
  const pki = (name: string) => path.join(dir, name);
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pki('ca.key'), '-out', pki('ca.pem'), '-days', '2', '-subj', '/CN=onramp test ACME listener CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', pki('localhost.key'), '-out', pki('localhost.csr'), '-subj', '/CN=localhost']);
  await fs.writeFile(pki('ext.cnf'), `subjectAltName=DNS:localhost,IP:127.0.0.1${listenHost === '127.0.0.1' ? '' : `,IP:${listenHost}`}\nextendedKeyUsage=serverAuth\n`);
  await openssl(['x509', '-req', '-in', pki('localhost.csr'), '-CA', pki('ca.pem'), '-CAkey', pki('ca.key'), '-CAcreateserial', '-days', '2',
    '-out', pki('localhost.pem'), '-extfile', pki('ext.cnf')]);
}

function fetchText(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: HTTP ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

export async function startPebble(options: PebbleOptions = {}): Promise<PebbleFixture> {
  const { listenHost = '127.0.0.1', answerIPv4 = '127.0.0.1' } = options;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-pebble-'));
  await makeListenerCert(dir, listenHost);
  const [acmePort, managementPort, dnsPort, challManagementPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const config = {
    pebble: {
      listenAddress: `${listenHost}:${acmePort}`,
      managementListenAddress: `127.0.0.1:${managementPort}`,
      certificate: path.join(dir, 'localhost.pem'),
      privateKey: path.join(dir, 'localhost.key'),
      httpPort: 80,
      tlsPort: 443,
      ocspResponderURL: '',
      externalAccountBindingRequired: false,
    },
  };
  await fs.writeFile(path.join(dir, 'pebble.json'), JSON.stringify(config));
  const daemons: Daemon[] = [];
  const stop = async () => {
    for (const daemon of daemons.reverse()) await daemon.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    daemons.push(
      startDaemon('/usr/bin/pebble-challtestsrv', [
        '-defaultIPv4', answerIPv4, '-defaultIPv6', '', '-dns01', `127.0.0.1:${dnsPort}`,
        '-http01', '', '-https01', '', '-tlsalpn01', '', '-management', `127.0.0.1:${challManagementPort}`,
      ]),
    );
    await waitForPort(challManagementPort);
    daemons.push(
      startDaemon('/usr/bin/pebble', ['-config', path.join(dir, 'pebble.json'), '-dnsserver', `127.0.0.1:${dnsPort}`], {
        env: { ...process.env, PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0', PEBBLE_AUTHZREUSE: '0' },
      }),
    );
    await waitForPort(acmePort, listenHost);
    await waitForPort(managementPort);
  } catch (error) {
    const logs = daemons.map((d) => d.output()).join('\n');
    await stop();
    throw new Error(`pebble did not start: ${error instanceof Error ? error.message : String(error)}\n${logs}`);
  }
  const listenerCaPem = await fs.readFile(path.join(dir, 'ca.pem'), 'utf8');
  const rootPem = () => fetchText(`https://127.0.0.1:${managementPort}/roots/0`, listenerCaPem);
  return {
    directoryUrl: `https://${listenHost}:${acmePort}/dir`,
    listenerCaPem,
    dns: { host: '127.0.0.1', port: dnsPort },
    rootPem,
    caBundle: async () => `${listenerCaPem.trim()}\n${(await rootPem()).trim()}\n`,
    async mockDns(command, body) {
      const response = await fetch(`http://127.0.0.1:${challManagementPort}/${command}`, { method: 'POST', body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`challtestsrv ${command}: HTTP ${response.status}`);
    },
    stop,
  };
}

/**
 * What tests put on and ask of an Ubuntu machine as its users would: an app
 * running as a systemd service, and a visitor's request from the host with
 * the domain resolving to the machine.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { UbuntuMachine } from './ubuntu-machine';

/** A static app answering `text` on 127.0.0.1:`port`, as the systemd unit `onramp-app` (Restart=always); resolves once it answers. */
export async function serveTestApp(machine: UbuntuMachine, text: string, port = 8000): Promise<void> {
  await machine.run(
    `sudo mkdir -p /srv/app && printf '%s\\n' '${text.replace(/'/g, '')}' | sudo tee /srv/app/index.html >/dev/null && ` +
      `sudo systemd-run -q --unit=onramp-app -p Restart=always python3 -m http.server ${port} --bind 127.0.0.1 --directory /srv/app && ` +
      `curl -fsS --retry 20 --retry-delay 1 --retry-connrefused -o /dev/null http://127.0.0.1:${port}/`,
  );
}

export interface Visit {
  status: number;
  body: string;
  /** The certificate issuer's CN over HTTPS; '' over HTTP. */
  issuer: string;
}

/**
 * GET `url` from the host with its name resolving to the machine. No pooled
 * connection: machines running at once may serve the same name.
 */
export function visit(machine: UbuntuMachine, url: string, ca?: string): Promise<Visit> {
  return new Promise((resolve, reject) => {
    const lookup: LookupFunction = (_host, _options, callback) => callback(null, [{ address: machine.host, family: 4 }]);
    const done = (response: IncomingMessage) => {
      let body = '';
      const issuer = response.socket instanceof TLSSocket ? String(response.socket.getPeerCertificate().issuer?.CN ?? '') : '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, issuer }));
    };
    const request = url.startsWith('https:') ? https.get(url, { ca, lookup, agent: false }, done) : http.get(url, { lookup, agent: false }, done);
    request.on('error', reject);
  });
}

/** Polls until `holds`: after an nginx reload the old workers answer for a moment. */
export async function eventually<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Injection attempts fed through the real app (createServices, op.start as the
 * pages call it) to a real sshd and the machine's real nginx: every hostile
 * value is refused at the contract boundary, nothing runs on the server (the
 * marker file never appears), and no directive reaches nginx's configuration.
 * A clean run afterwards shows the same path does work.
 */
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServerFormInput } from '../../common/contract/schemas/server';
import { run } from '../testing/child-process';
import { contractServer, type ContractServer } from '../testing/server/contract-server';
import { startServerMachine, type ServerMachine } from '../testing/server/server-machine';

const marker = `/tmp/onramp-injected-${randomBytes(4).toString('hex')}`;
const touch = `touch ${marker}`;

const hostileForms: [string, Record<string, unknown>][] = [
  ['; in the domain', { domain: `example.com; ${touch}` }],
  ['$(…) in the domain', { domain: `$(${touch}).example.com` }],
  ['backticks in the domain', { domain: `\`${touch}\`.example.com` }],
  ['a newline in the domain', { domain: `example.com\n${touch}` }],
  ['a directive after the domain', { domain: 'example.com; return 200 pwned' }],
  ['} and ; inside the static path', { domain: 'example.com', staticDir: '/srv/x;}location /pwned {return 200 pwned;}#' }],
  ['$(…) inside the static path', { domain: 'example.com', staticDir: `/srv/$(${touch})` }],
  ['a newline inside the static path', { domain: 'example.com', staticDir: '/srv/x\n    autoindex on;' }],
  ['a directive in the body size', { domain: 'example.com', clientMaxBodySize: '1m; autoindex on' }],
  ['a command in the port', { domain: 'example.com', appPort: `8000; ${touch}` }],
];

const hostileEmails = ['-oops@example.com', `a@example.com; ${touch}`, `$(${touch})@example.com`, `\`${touch}\`@example.com`, 'a@example.com\n--server https://evil.example'];

describe('hostile input through the real services', () => {
  let machine: ServerMachine;
  let server: ContractServer;
  beforeAll(async () => {
    machine = await startServerMachine();
    server = await contractServer(machine.sshd);
  }, 660_000); // (may wait for the machine lock while another file holds it)
  afterAll(async () => {
    await server?.app.dispose();
    await machine?.stop();
  }, 60_000);

  it.each(hostileForms)('web-server.apply refuses %s', async (_name, form) => {
    const result = await server.start('web-server.apply', { sessionId: server.sessionId, form: form as WebServerFormInput });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('contract.invalidRequest');
    const preview = await server.app.call('server.previewSite', form as WebServerFormInput);
    expect(preview.ok).toBe(false);
  });

  it.each(hostileEmails)('https.issue refuses the e-mail %j', async (email) => {
    const result = await server.start('https.issue', { sessionId: server.sessionId, domain: 'example.com', email });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('contract.invalidRequest');
  });

  it('a custom ACME directory that is not a plain https URL is refused', async () => {
    for (const directoryUrl of ['http://acme.example/dir', `https://acme.example/$(${touch})`, "https://acme.example/dir' --no-verify-ssl '"]) {
      const result = await server.start('https.preflight', { domain: 'example.com', email: 'a@example.com', acme: { directoryUrl, caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' } });
      expect(result.ok).toBe(false);
    }
  });

  it('nothing ran and nothing reached nginx; a clean apply through the same path works', async () => {
    const finished = await server.run('web-server.apply', { sessionId: server.sessionId, form: { domain: 'safe.test', staticDir: '/srv/safe/static' } });
    expect(finished.outcome).toMatchObject({ status: 'succeeded', result: { site: 'safe.test', answer: { httpStatus: 502, explanation: { key: 'server:answer.appNotListening', values: { port: 8000 } } } } });
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync('/etc/nginx/sites-available').sort()).toEqual(['default', 'safe.test']);
    const dump = await run('nginx', ['-T']);
    expect(dump.code).toBe(0);
    expect(dump.stdout).not.toMatch(/pwned|autoindex on|touch /);
    expect(dump.stdout).toContain('alias /srv/safe/static/;');
  }, 120_000);
});

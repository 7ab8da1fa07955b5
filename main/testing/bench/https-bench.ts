/**
 * `npm run bench:https`: the time from the start of the web-server step to
 * verified HTTPS on loopback, split per sub-step (the operations' progress
 * phases), with everything real: the local sshd as the bring-your-own server
 * (commands typed into a PTY shell with shell integration), the machine's
 * nginx, certbot against pebble with real http-01 validation, the app on :8000.
 * Ends with one line `total_s=<x>`. Needs root (like the integration tests).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpsRequest, webServerForm } from '../../../common/contract/schemas/server';
import { resolverDomainCheck } from '../dns/resolver-domain-check';
import { FailureLedger } from '../../server/failure-ledger';
import { issueCertificate } from '../../server/https-issue';
import { sshRemote } from '../../server/remote';
import { applyWebServer } from '../../server/web-server-apply';
import { KnownHosts } from '../../ssh/known-hosts';
import { SshSessionManager } from '../../ssh/ssh-session-manager';
import { lockServerMachine } from '../server/machine-lock';
import { saveMachineState } from '../server/machine-state';
import { startPebble } from '../server/pebble';
import { startTestApp } from '../server/test-app';
import { startSshd } from '../sshd-fixture';

class PhaseClock {
  private current: { phase: string; at: number } | undefined;
  readonly rows: [string, number][] = [];
  mark(phase: string): void {
    if (this.current?.phase === phase) return;
    this.close();
    this.current = { phase, at: performance.now() };
  }
  close(): void {
    if (this.current) this.rows.push([this.current.phase, (performance.now() - this.current.at) / 1000]);
    this.current = undefined;
  }
}

async function main(): Promise<void> {
  const unlock = await lockServerMachine();
  const state = await saveMachineState();
  const pebble = await startPebble();
  const app = await startTestApp(8000);
  const sshd = await startSshd();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-bench-https-'));
  const knownHosts = KnownHosts.inDataDir(dataDir);
  const [type = '', base64 = ''] = sshd.hostKeys.ed25519.publicLine.split(' ');
  await fs.writeFile(knownHosts.filePath, `[${sshd.host}]:${sshd.port} ${type} ${base64}\n`);
  const manager = new SshSessionManager({
    knownHosts,
    getPrivateKey: async () => sshd.keys.ed25519.privateKey,
    events: { data: (id, text) => manager.ack(id, text.length), closed: () => undefined, hostKeyPrompt: () => undefined, hostKeyPromptCancelled: () => undefined },
  });
  try {
    const target = { host: sshd.host, port: sshd.port, user: sshd.user, keyId: 'bench' };
    const sessionId = await manager.openShell(target, { cols: 160, rows: 40 });
    const remote = sshRemote(manager, target, sessionId);
    const signal = new AbortController().signal;
    const clock = new PhaseClock();
    const progress = (update: { phase: string }) => clock.mark(update.phase.replace('server:phases.', ''));
    const caPem = await pebble.caBundle();

    const started = performance.now();
    const web = await applyWebServer(remote, { form: webServerForm.parse({ domain: 'bench.test' }), disableDefaultSite: false }, { signal, progress });
    const request = httpsRequest.parse({ domain: 'bench.test', email: 'bench@bench.test', acme: { directoryUrl: pebble.directoryUrl, caPem } });
    const domainCheck = resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]);
    const outcome = await issueCertificate(request, { remote, host: '127.0.0.1', byo: true, domainCheck, ledger: new FailureLedger() }, { signal, progress });
    clock.close();
    const total = (performance.now() - started) / 1000;

    if (web.answer.httpStatus !== 200 || !outcome.issued || !outcome.verify?.pass) {
      throw new Error(`not verified: web ${web.answer.httpStatus}, issued ${outcome.issued}, verify ${JSON.stringify(outcome.verify?.checks)}`);
    }
    console.log('HTTPS on loopback (sshd as own server, nginx, certbot → pebble with http-01), seconds per sub-step:');
    for (const [phase, seconds] of clock.rows) console.log(`  ${phase.padEnd(18)} ${seconds.toFixed(2)}`);
    console.log(`total_s=${total.toFixed(2)}`);
  } finally {
    manager.dispose();
    await sshd.stop();
    await app.stop();
    await pebble.stop();
    await state.restore();
    await fs.rm(dataDir, { recursive: true, force: true });
    await unlock();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The ssh.* contract end to end: createServices' router and EventBus, the
 * vault holding the key, and a REAL OpenSSH server (main/testing/sshd-fixture.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../testing/child-process';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { DEFAULT_FLOW_CONTROL } from './output-batcher';
import { ContractHarness } from '../testing/ssh/contract-harness';

describe('ssh.* handlers through the contract, against a real sshd', () => {
  let sshd: SshdFixture;
  let app: ContractHarness;
  let keyId: string;
  beforeAll(async () => {
    sshd = await startSshd();
    app = await ContractHarness.start();
    keyId = await app.importKey('id_ed25519', sshd.keys.ed25519.privateKey);
    await app.invoke('ssh.setOwnServer', { server: { host: sshd.host, port: sshd.port, user: sshd.user, keyId } });
  });
  afterAll(async () => {
    await app?.dispose();
    await sshd?.stop();
  });

  it('opens the own server after an explicit host key answer; data, ack, resize and close work', async () => {
    const { sessionId, server } = await app.invoke('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    expect(server).toEqual({ host: '127.0.0.1', port: sshd.port, user: 'onramp', keyId });
    const [prompt] = app.payloads('ssh.hostKeyPrompt');
    expect(prompt).toMatchObject({ host: '127.0.0.1', port: sshd.port, reason: 'noConsole', fingerprint: sshd.hostKeys.ed25519.fingerprint });
    expect(prompt?.keyType).toBe('ssh-ed25519');

    await app.invoke('ssh.write', { sessionId, data: 'stty size; echo "TERM=$TERM"\r' });
    await app.waitForOutput(sessionId, /[^\d]24 80\r\nTERM=xterm-256color/);
    await app.invoke('ssh.resize', { sessionId, cols: 132, rows: 40 });
    expect(await app.invoke('ssh.runInTerminal', { sessionId, command: 'stty size' })).toEqual({ exitCode: 0 });
    expect(app.textOf(sessionId)).toMatch(/[^\d]40 132\r\n/);
    expect(await app.invoke('ssh.runInTerminal', { sessionId, command: '(exit 3)' })).toEqual({ exitCode: 3 });

    await app.invoke('ssh.close', { sessionId });
    await app.waitFor(() => app.payloads('ssh.closed').some((e) => e.sessionId === sessionId), 'ssh.closed');
    expect(app.payloads('ssh.closed').find((e) => e.sessionId === sessionId)?.reason).toBe('ssh.closedByUser');
  });

  it('acks drive flow control: a flood stays bounded while unacknowledged, then completes', async () => {
    app.ackOutput = false;
    const { sessionId } = await app.invoke('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    await app.invoke('ssh.write', { sessionId, data: 'head -c 6000000 /dev/zero | base64 -w 0; echo; echo FLOOD""DONE\r' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const unacked = app.textOf(sessionId).length;
    // paused at the high watermark (at most one batch past it)
    expect(unacked).toBeLessThan(DEFAULT_FLOW_CONTROL.highWatermark + DEFAULT_FLOW_CONTROL.maxBatchChars);
    expect(app.textOf(sessionId)).not.toContain('FLOODDONE');
    app.ackOutput = true;
    await app.invoke('ssh.ack', { sessionId, count: unacked });
    await app.waitForOutput(sessionId, /FLOODDONE/);
    expect(app.textOf(sessionId).length).toBeGreaterThan(8_000_000);
    await app.invoke('ssh.close', { sessionId });
  });

  it('reconnect reopens the same session id after the server went away', async () => {
    const { sessionId } = await app.invoke('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    await app.invoke('ssh.write', { sessionId, data: 'echo before""-drop\r' });
    await app.waitForOutput(sessionId, /before-drop/);
    await sshd.restart();
    await app.waitFor(() => app.payloads('ssh.closed').some((e) => e.sessionId === sessionId && e.reason === 'ssh.connectionLost'), 'connectionLost');
    await app.invoke('ssh.reconnect', { sessionId });
    await app.invoke('ssh.write', { sessionId, data: 'echo after""-reconnect\r' });
    await app.waitForOutput(sessionId, /after-reconnect/);
    await app.invoke('ssh.close', { sessionId });
  });

  it('copies an ssh command only once the key was exported with vault.export (0600), and that command really logs in', async () => {
    const notYet = await app.call('ssh.copyCommand', { target: 'ownServer' });
    expect(notYet.ok || notYet.error.code).toBe('ssh.keyNotExported');

    const file = path.join(app.dataDir, 'exported key.pem');
    app.platform.queueSaveFile(file);
    expect(await app.invoke('vault.export', { id: keyId, title: 'Export' })).toEqual({ status: 'saved', path: file, fileName: 'exported key.pem' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await app.invoke('vault.export', { id: keyId })).toEqual({ status: 'cancelled' }); // empty dialog queue = Cancel

    const { command } = await app.invoke('ssh.copyCommand', { target: 'ownServer' });
    expect(command).toBe(`ssh -i '${file}' -p ${sshd.port} onramp@127.0.0.1`);
    expect(await app.platform.clipboardRead()).toBe(command);
    // The copied line itself, through a shell (quoting included), with only test options added after `ssh`.
    const testOptions = '-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null';
    const login = await run('sh', ['-c', `${command.replace(/^ssh /, `ssh ${testOptions} `)} echo logged-in`]);
    expect(login.stdout.trim()).toBe('logged-in');
  });

  it('a changed host key blocks with both fingerprints; forgetHost is the only way on', async () => {
    const pinned = sshd.hostKeys.ed25519.fingerprint;
    await sshd.restart({ newHostKeys: true });
    const blocked = await app.call('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    if (blocked.ok) throw new Error('a changed host key must not connect');
    expect(blocked.error.code).toBe('ssh.hostKeyMismatch');
    expect(blocked.error.params).toMatchObject({ expected: pinned, presented: sshd.hostKeys.ed25519.fingerprint, keyType: 'ssh-ed25519' });

    expect(await app.invoke('ssh.forgetHost', { host: sshd.host, port: sshd.port })).toEqual({ removed: 1 });
    app.answerPrompts = false;
    const rejected = await app.call('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    expect(rejected.ok || rejected.error.code).toBe('ssh.hostKeyRejected');
    app.answerPrompts = true;
    const { sessionId } = await app.invoke('ssh.open', { target: 'ownServer', cols: 80, rows: 24 });
    await app.invoke('ssh.close', { sessionId });
  });

  it('refuses malformed requests and targets that do not exist', async () => {
    const extra = await app.call('ssh.write', { sessionId: 'x', data: 'ls', sneaky: true } as never);
    expect(extra.ok || extra.error.code).toBe('contract.invalidRequest');
    const badHost = await app.call('ssh.open', { target: { host: '-oProxyCommand=x', keyId }, cols: 80, rows: 24 });
    expect(badHost.ok || badHost.error.code).toBe('contract.invalidRequest');
    const noSetup = await app.call('ssh.open', { target: 'setup', cols: 80, rows: 24 });
    expect(noSetup.ok || noSetup.error.code).toBe('ssh.noSetupServer');
    const gone = await app.call('ssh.write', { sessionId: 'no-such-session', data: 'ls' });
    expect(gone.ok || gone.error.code).toBe('ssh.sessionNotFound');
  });

  it('never sends key material to the renderer', () => {
    const body = sshd.keys.ed25519.privateKey.split('\n').filter((line) => line && !line.startsWith('-----'));
    const sent = JSON.stringify(app.events);
    for (const line of body) expect(sent).not.toContain(line);
    expect(app.events.length).toBeGreaterThan(10);
  });
});

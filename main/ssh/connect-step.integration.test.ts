/**
 * The Connect step's check against a REAL OpenSSH server, through the contract:
 * not done (without asking anything) until the host key is pinned, done once
 * `true` runs with the pinned key, and "couldn't check" when the server is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { ContractHarness } from '../testing/ssh/contract-harness';

describe('the connect step against a real sshd', () => {
  let sshd: SshdFixture;
  let app: ContractHarness;
  beforeAll(async () => {
    sshd = await startSshd();
    app = await ContractHarness.start();
  });
  afterAll(async () => {
    await app?.dispose();
    await sshd?.stop();
  });

  it('is not done while no server is chosen, then not done until the host key is confirmed, then done', async () => {
    expect((await app.invoke('setup.reconcile', { step: 'connect' })).steps.find((s) => s.step === 'connect')).toMatchObject({ state: 'not-done', detail: { key: 'ssh:check.noServer' } });

    const keyId = await app.importKey('id_ed25519', sshd.keys.ed25519.privateKey);
    await app.invoke('ssh.setOwnServer', { server: { host: sshd.host, port: sshd.port, user: sshd.user, keyId } });
    const server = `${sshd.user}@${sshd.host}:${sshd.port}`;
    // Choosing a server re-checks the step by itself (StepDefinition.watch).
    await app.waitFor(() => app.payloads('setup.stepStatus').some((s) => s.step === 'connect' && s.detail?.key === 'ssh:check.hostKeyNotConfirmed'), 'a re-check after the choice');
    expect(app.payloads('setup.stepStatus').at(-1)).toMatchObject({ step: 'connect', state: 'not-done', detail: { values: { server } } });
    expect(app.payloads('ssh.hostKeyPrompt')).toEqual([]);

    const { sessionId } = await app.invoke('ssh.open', { target: 'ownServer', cols: 80, rows: 24 }); // the user confirms the key
    await app.invoke('ssh.close', { sessionId });
    const { steps } = await app.invoke('setup.reconcile', { step: 'connect' });
    expect(steps.find((s) => s.step === 'connect')).toMatchObject({ state: 'done', detail: { key: 'ssh:check.reached', values: { server } } });
    expect((await app.invoke('setup.getState', {})).completed).toContain('connect');
  });

  it("says it couldn't check when the server does not answer, and keeps the typed SSH error", async () => {
    await sshd.stop();
    const { steps } = await app.invoke('setup.reconcile', { step: 'connect' });
    const status = steps.find((s) => s.step === 'connect');
    expect(status?.state).toBe('error');
    expect(status?.error?.code).toMatch(/^ssh\./);
  });
});

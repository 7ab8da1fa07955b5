/**
 * The Web server step through the WHOLE app (createServices, the contract's
 * op.start / op.finished, the vault, a visible terminal) against real Ubuntu
 * 24.04 and 26.04 servers with systemd, as the page drives it: the user's
 * server was visited before (its host key pinned), their app runs on :8000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractServerAt, type ContractServer } from '../testing/server/contract-server';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { eventually, serveTestApp, visit } from '../testing/systemd-server/machine-app';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from '../testing/systemd-server/ubuntu-machine';

describe.skipIf(skipWithoutSystemdServers('the Web server step through the app on Ubuntu'))('Web server step through the app on real Ubuntu servers', () => {
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    const domain = `app-${release.replace('.', '')}.test`;
    const appText = `the app on Ubuntu ${release} through the contract`;
    let machine: UbuntuMachine;
    let server: ContractServer;
    beforeAll(async () => {
      machine = await startUbuntuMachine({ release });
      await serveTestApp(machine, appText);
      server = await contractServerAt({ ...machine, knownHostsLine: machine.knownHostsLine });
    }, 300_000);
    afterAll(async () => {
      await server?.app.dispose();
      await machine?.stop();
    }, 60_000);

    it.sequential('publishes the app through the server’s nginx, typed into the visible terminal, with no host key question', async () => {
      const finished = await server.run('web-server.apply', { sessionId: server.sessionId, form: { domain } }, 180_000);
      expect(finished.outcome).toMatchObject({ status: 'succeeded', result: { site: domain, installedNginx: false, answer: { httpStatus: 200 } } });
      expect(server.app.payloads('ssh.hostKeyPrompt')).toEqual([]);
      expect(server.app.textOf(server.sessionId)).toContain('sudo nginx -t');
      const page = await eventually('the app through nginx', () => visit(machine, `http://${domain}/`), (answer) => answer.body.includes(appText));
      expect(page.status).toBe(200);
      expect(await machine.run(`readlink /etc/nginx/sites-enabled/${domain}`)).toBe(`/etc/nginx/sites-available/${domain}\n`);
      // Served by the nginx systemd runs, which a reboot would bring back.
      expect(await machine.run('systemctl is-active nginx && systemctl is-enabled nginx')).toBe('active\nenabled\n');
    }, 240_000);
  });
});

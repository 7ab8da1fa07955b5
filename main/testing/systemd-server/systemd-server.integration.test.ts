/**
 * The systemd-server fixture and the real-server facts the server steps rely
 * on, on BOTH Ubuntu 24.04 and 26.04 booted with systemd (RECIPES.md §9):
 * SSH with a pinned host key, nginx's version per release, both directions of
 * the network, Restart=always, timers, and apt through the forwarder.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutSystemdServers } from './availability';
import { PinnedSsh } from './pinned-ssh';
import { rootfsPath } from './rootfs-cache';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from './ubuntu-machine';

const NGINX: Record<UbuntuRelease, RegExp> = { '24.04': /nginx\/1\.24\./, '26.04': /nginx\/1\.28\./ };
const CODENAME: Record<UbuntuRelease, string> = { '24.04': 'noble', '26.04': 'resolute' };

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(skipWithoutSystemdServers('the systemd-server fixture tests'))('systemd-server fixture', () => {
  // The two releases run side by side (most of the time is apt's downloads and dpkg); each one's tests in order.
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    let machine: UbuntuMachine;
    beforeAll(async () => {
      machine = await startUbuntuMachine({ release });
      console.log(`Ubuntu ${release}: running ${machine.bootMs} ms after systemd-nspawn started (${new Date().toISOString()})`);
    }, 300_000); // (builds the root filesystem first where no cache exists yet)
    afterAll(async () => {
      const started = Date.now();
      await machine?.stop();
      if (machine) console.log(`Ubuntu ${release}: stopped in ${Date.now() - started} ms (${new Date().toISOString()})`);
    }, 60_000);

    it.sequential('boots the right release with systemd as PID 1, fully running', async () => {
      expect(await machine.run('. /etc/os-release && echo "$VERSION_ID $VERSION_CODENAME"')).toBe(`${release} ${CODENAME[release]}\n`);
      expect(await machine.run('cat /proc/1/comm')).toBe('systemd\n');
      expect(await machine.run('systemctl is-system-running')).toBe('running\n');
      expect(machine.bootMs).toBeLessThan(30_000);
    });

    it.sequential('lets ubuntu in over SSH only with the pinned host key, with passwordless sudo and no password login', async () => {
      expect(await machine.run('whoami && sudo -n whoami')).toBe('ubuntu\nroot\n');
      expect(await machine.run('sudo -n sshd -T | grep -E "^(passwordauthentication|kbdinteractiveauthentication) "')).toBe(
        'passwordauthentication no\nkbdinteractiveauthentication no\n',
      );
      // The same host key the machine advertises, and no other, is accepted.
      expect(await machine.run('cat /etc/ssh/ssh_host_ed25519_key.pub')).toBe(`${machine.hostKeys.ed25519.publicLine}\n`);
      const otherKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBkL8e1j0i8b8hK0yq8b9sZf2v7r4o3tX6q2mJ1pWcQx other@host';
      const impostor = new PinnedSsh({ host: machine.host, port: machine.port, user: machine.user, privateKey: machine.privateKey, hostKeyLine: otherKey });
      await expect(impostor.connect()).rejects.toThrow();
      await impostor.close();
    });

    it.sequential(`runs nginx ${release === '24.04' ? '1.24' : '1.28'}, reachable from the host, and reaches services on the host`, async () => {
      const version = await machine.exec('nginx -v');
      expect(version.stderr).toMatch(NGINX[release]);
      expect(await machine.run('systemctl is-active nginx')).toBe('active\n');
      const page = await fetch(`http://${machine.host}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Welcome to nginx!');

      const server = http.createServer((_request, response) => response.end(`hello from the host to ${release}`));
      await new Promise<void>((resolve) => server.listen(0, machine.hostAddress, resolve));
      try {
        const { port } = server.address() as AddressInfo;
        expect(await machine.run(`curl -fsS http://${machine.hostAddress}:${port}/`)).toBe(`hello from the host to ${release}`);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it.sequential('brings a Restart=always unit back after kill -9', async () => {
      const unit = '[Unit]\nDescription=onramp test\n[Service]\nExecStart=/usr/bin/sleep infinity\nRestart=always\nRestartSec=200ms\n';
      await machine.run(`printf '${unit}' | sudo tee /etc/systemd/system/onramp-sleeper.service >/dev/null && sudo systemctl daemon-reload && sudo systemctl start onramp-sleeper`);
      const mainPid = async () => (await machine.run('systemctl show -p MainPID --value onramp-sleeper')).trim();
      const first = await mainPid();
      expect(Number(first)).toBeGreaterThan(1);
      await machine.run(`sudo kill -9 ${first}`);
      await eventually('the unit to come back', async () => {
        const pid = await mainPid();
        return pid !== first && pid !== '0' && (await machine.exec('systemctl is-active onramp-sleeper')).stdout.trim() === 'active';
      });
      expect(await machine.run('systemctl show -p NRestarts --value onramp-sleeper')).toBe('1\n');
    });

    it.sequential('installs certbot and its nginx plugin with apt through the forwarder, which adds an enabled certbot.timer', async () => {
      expect(await machine.run('systemctl list-timers --all --no-legend --no-pager')).not.toContain('certbot.timer');
      const update = await machine.run('sudo apt-get update 2>&1', 180_000);
      // Without the forwarder apt-get update warns but still exits 0: no warning means it fetched.
      expect(update).not.toMatch(/^(W|E):/m);
      // What the app deploys (issue 22) will install from there too.
      const policy = await machine.run('apt-cache policy git python3-venv nodejs');
      expect(policy.match(/^ {2}Candidate: \S+/gm)?.filter((line) => !line.includes('(none)'))).toHaveLength(3);
      await machine.run('sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends certbot python3-certbot-nginx 2>&1', 300_000);
      expect(await machine.run('certbot --version 2>&1')).toMatch(/^certbot \d+\.\d+/);
      expect(await machine.run('systemctl is-enabled certbot.timer')).toBe('enabled\n');
      expect(await machine.run('systemctl list-timers --all --no-legend --no-pager certbot.timer')).toContain('certbot.timer');
    }, 480_000);
  });

  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s, rebootable', (release) => {
    let machine: UbuntuMachine;
    beforeAll(async () => {
      machine = await startUbuntuMachine({ release, rebootable: true });
    }, 300_000);
    afterAll(async () => {
      await machine?.stop();
    }, 60_000);

    it.sequential('reboots into the same machine: its files kept, its enabled services started again, the cache untouched', async () => {
      const unit = '[Unit]\nDescription=onramp test\n[Service]\nExecStart=/usr/bin/sleep infinity\n[Install]\nWantedBy=multi-user.target\n';
      await machine.run(`printf '${unit}' | sudo tee /etc/systemd/system/onramp-enabled.service >/dev/null && sudo systemctl daemon-reload && sudo systemctl enable -q --now onramp-enabled`);
      await machine.run('echo kept | sudo tee /srv/onramp-marker >/dev/null');
      const bootId = await machine.run('cat /proc/sys/kernel/random/boot_id');

      const bootMs = await machine.reboot();
      console.log(`Ubuntu ${release}: rebooted, running ${bootMs} ms after systemd-nspawn started`);
      expect(await machine.run('cat /proc/sys/kernel/random/boot_id')).not.toBe(bootId);
      expect(await machine.run('cat /srv/onramp-marker')).toBe('kept\n');
      expect(await machine.run('systemctl is-active onramp-enabled')).toBe('active\n');
      expect(existsSync(path.join(rootfsPath(release), 'srv/onramp-marker'))).toBe(false);
    }, 120_000);
  });
});

import { describe, expect, it } from 'vitest';
import { asAppUser, deploySteps, portTakenCheck, waitForAnswerCommand } from './deploy-steps';
import { detectRuntime } from './runtime-plan';

const node = detectRuntime({ names: new Set(['package.json', 'package-lock.json']), read: () => JSON.stringify({ scripts: { start: 'node server.js', build: 'tsc' }, dependencies: { ws: '^8' } }) });
const site = detectRuntime({ names: new Set(['index.html']), read: () => '' });
const base = { unit: 'onramp-shop', baseDir: '/srv/shop', stamp: '20261207T110203Z', port: 8000, candidatePort: 18000, healthSeconds: 20 };

describe('deploySteps', () => {
  it('a Node app: user, code, install and build as the app user, a candidate that must answer, then switch, restart and answer', () => {
    const steps = deploySteps({ ...base, plan: node, fetchCommand: 'git clone --depth 1 --branch main -- https://github.com/a/b /srv/shop/releases/20261207T110203Z' });
    expect(steps.map((s) => s.id)).toEqual(['user', 'fetch', 'build-0', 'build-1', 'candidate', 'switch', 'restart', 'answer']);
    expect(steps[2]?.command).toBe(asAppUser('onramp-shop', '/srv/shop/releases/20261207T110203Z', 'npm ci'));
    const candidate = steps[4]?.command ?? '';
    expect(candidate).toContain('systemd-run --quiet --collect --unit onramp-shop-candidate --uid onramp-shop');
    expect(candidate).toContain('--setenv=PORT=18000 --setenv=NODE_ENV=production /usr/bin/npm start');
    expect(candidate).toContain('http://127.0.0.1:18000/');
    // the candidate is stopped whatever its answer, and the switch comes only after it
    expect(candidate).toMatch(/r=\$\?; sudo systemctl stop onramp-shop-candidate .*exit \$r\)$/);
    // typed into the user's terminal: every `exit` is inside a subshell, so the shell stays open
    expect(candidate.startsWith('(')).toBe(true);
    expect(steps[7]?.command).toMatch(/^\(for i in .*exit 1\)$/);
    // a candidate that has exited ends the wait at once; the live service is waited for to the bound
    expect(candidate).toContain('systemctl is-active --quiet onramp-shop-candidate || exit 1;');
    expect(steps[7]?.command).not.toContain('is-active');
    expect(steps[5]?.command).toContain('mv -Tf /srv/shop/current.next /srv/shop/current');
    expect(steps[6]?.command).toBe('sudo systemctl daemon-reload && sudo systemctl enable onramp-shop && { sudo systemctl reset-failed onramp-shop 2>/dev/null; sudo systemctl restart onramp-shop; }');
  });

  it('every step names its progress phase as a translation key (app:phases.<step>)', () => {
    const steps = deploySteps({ ...base, plan: node, fetchCommand: 'git clone' });
    expect(steps.map((s) => s.phase).filter((phase) => !/^app:phases\.[a-z][A-Za-z]*$/.test(phase))).toEqual([]);
  });

  it('a static site has no service: files, then the switch', () => {
    expect(deploySteps({ ...base, plan: site }).map((s) => s.id)).toEqual(['user', 'switch']);
  });

  it('runs commands as the app user with the folder quoted inside one sh -c', () => {
    expect(asAppUser('onramp-a', '/srv/a/releases/x', 'npm ci')).toBe(`sudo -u onramp-a -H sh -c 'cd /srv/a/releases/x && npm ci'`);
  });

  it('any answer below 500 counts as alive (a 404 on / is still the app), within a bounded number of tries', () => {
    const command = waitForAnswerCommand(8000, 10);
    expect(command).toContain('seq 20');
    expect(command).toContain('-lt 500');
    expect(waitForAnswerCommand(8000, 100000)).toContain('seq 600');
  });

  it('the app port counts as taken only when something listens there and it is not the app itself', () => {
    expect(portTakenCheck('onramp-shop', 8000)).toBe("ss -ltnH 'sport = :8000' | grep -q . && ! systemctl is-active --quiet onramp-shop");
  });
});

describe('commands typed into the user\'s terminal', () => {
  it('never run a bare exit (it would end the login shell): every exit is inside a subshell', () => {
    const outsideSubshells = (command: string): string => {
      let depth = 0;
      let out = '';
      for (const c of command) {
        if (c === '(') depth += 1;
        if (depth === 0) out += c;
        if (c === ')') depth = Math.max(0, depth - 1);
      }
      return out;
    };
    const plan = { runtime: 'node' as const, django: false, hasBuild: true, packages: ['nodejs', 'npm'], install: ['npm ci'], build: ['npm run build'], start: '/usr/bin/npm start', notes: [] };
    const steps = deploySteps({ unit: 'onramp-site', baseDir: '/srv/site', stamp: '20261207T100000Z', plan, port: 8000, candidatePort: 18000, healthSeconds: 20, fetchCommand: 'git clone x y' });
    for (const step of steps) expect(outsideSubshells(step.command), step.id).not.toMatch(/\bexit\b/);
  });
});

import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { freshSetupState } from '../setup/state-store';
import { onServer } from './on-server';

const ownServer = { host: '203.0.113.10', port: 2222, user: 'deploy', keyId: 'key-1' };

function setup(choices: SetupState['choices']): SetupState {
  return { ...freshSetupState(), choices: { path: 'own-server', ownServer, ...choices } };
}

describe('what Onramp put on the own server', () => {
  it('nothing applied yet: the server and the domain, no parts', () => {
    expect(onServer(setup({ domain: 'example.com' }))).toEqual({ server: { host: '203.0.113.10', port: 2222, user: 'deploy' }, domain: 'example.com', parts: [] });
  });

  it('after the Web server and HTTPS steps: the site files, the certificate, nginx and certbot, each with its undo command', () => {
    const state = setup({
      domain: 'example.com',
      // As the Web server step saves it (with its `edited` mark).
      webServer: { domain: 'example.com', includeWww: true, appPort: 3000, clientMaxBodySize: '10m', edited: false },
      https: { email: 'a@example.com', includeWww: true, mode: 'production' },
    });
    const { parts } = onServer(state);
    expect(parts.map((p) => p.part)).toEqual(['site', 'certificate', 'nginx', 'certbot']);
    expect(parts[0]).toEqual({
      part: 'site',
      name: 'example.com',
      paths: ['/etc/nginx/sites-available/example.com', '/etc/nginx/sites-enabled/example.com'],
      undo: 'sudo rm -f /etc/nginx/sites-enabled/example.com /etc/nginx/sites-available/example.com && sudo nginx -t && sudo systemctl reload nginx',
    });
    expect(parts[1]).toMatchObject({ part: 'certificate', name: 'example.com', undo: 'sudo certbot delete --cert-name example.com' });
    // certbot from snap or from apt (no snapd): the undo removes whichever is there.
    expect(parts[3]?.undo).toBe('if snap list certbot >/dev/null 2>&1; then sudo snap remove certbot; else sudo apt-get remove -y certbot python3-certbot-nginx; fi');
  });

  it('a dry run leaves no certificate to undo; a stored form that no longer validates is not turned into commands', () => {
    const dry = onServer(setup({ webServer: { domain: 'example.com', includeWww: false, appPort: 8000, clientMaxBodySize: '10m' }, https: { email: 'a@example.com', includeWww: false, mode: 'dry-run' } }));
    expect(dry.parts.map((p) => p.part)).toEqual(['site', 'nginx']);
    const bad = onServer(setup({ webServer: { domain: 'bad domain;', includeWww: false, appPort: 8000, clientMaxBodySize: '10m' } }));
    expect(bad.parts).toEqual([]);
  });

  it('the App step\'s service: its folder, unit and settings file, undone by disabling it and removing what it made', () => {
    const state = { ...setup({ domain: 'example.com', webServer: { domain: 'example.com', includeWww: false, appPort: 8000, clientMaxBodySize: '10m' } }) };
    state.resources = { ...state.resources, app: { unit: 'onramp-site', baseDir: '/srv/site' } };
    const app = onServer(state).parts.find((p) => p.part === 'app');
    expect(app).toMatchObject({ name: 'onramp-site', paths: ['/srv/site', '/etc/systemd/system/onramp-site.service', '/etc/onramp/onramp-site.env'] });
    expect(app?.undo).toMatch(/^sudo systemctl disable --now onramp-site; sudo rm -rf -- \/srv\/site .* && sudo userdel onramp-site$/);
    // Something the setup did not make (a tampered file) is never turned into a command.
    state.resources = { ...state.resources, app: { unit: 'sshd', baseDir: '/' } };
    expect(onServer(state).parts.some((p) => p.part === 'app')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { appUnitName, environmentFilePath, renderUnit } from './systemd-unit';
import { detectRuntime } from './runtime-plan';

const flask = detectRuntime({ names: new Set(['requirements.txt', 'app.py']), read: (n) => (n === 'requirements.txt' ? 'flask\n' : '') });
const node = detectRuntime({ names: new Set(['package.json']), read: () => JSON.stringify({ scripts: { start: 'node server.js' } }) });

describe('renderUnit', () => {
  it('runs as its own user with Restart=always, limits, the 0600 environment file and the port', () => {
    const unit = renderUnit({ name: appUnitName('shop'), baseDir: '/srv/shop', port: 8000, plan: flask, memoryMaxMb: 512 });
    expect(unit).toContain('User=onramp-shop\nGroup=onramp-shop');
    expect(unit).toContain('WorkingDirectory=/srv/shop/current');
    expect(unit).toContain('Environment=PORT=8000');
    expect(unit).toContain(`EnvironmentFile=-${environmentFilePath('onramp-shop')}`);
    expect(unit).toContain('ExecStart=/srv/shop/current/.venv/bin/python -m gunicorn --bind 127.0.0.1:${PORT} --workers 2 app:app');
    expect(unit).toMatch(/Restart=always\nRestartSec=2\nMemoryMax=512M/);
    expect(unit).toContain('NoNewPrivileges=yes');
    // the deploy key and settings folder is out of the running app's sight
    expect(unit).toContain('InaccessiblePaths=-/etc/onramp');
    expect(unit).toContain('WantedBy=multi-user.target');
  });

  it('Node runs npm start with NODE_ENV=production', () => {
    const unit = renderUnit({ name: 'onramp-site', baseDir: '/srv/site', port: 3000, plan: node, memoryMaxMb: 100 });
    expect(unit).toContain('ExecStart=/usr/bin/npm start');
    expect(unit).toContain('Environment=NODE_ENV=production');
    expect(unit).toContain('MemoryMax=128M');
  });

  it('refuses names, folders and ports that could escape the unit', () => {
    expect(() => appUnitName('../etc')).toThrow();
    expect(() => renderUnit({ name: 'onramp-a', baseDir: '/etc', port: 8000, plan: flask, memoryMaxMb: 256 })).toThrow(/not under \/srv/);
    expect(() => renderUnit({ name: 'onramp-a', baseDir: '/srv/a', port: 80, plan: flask, memoryMaxMb: 256 })).toThrow(/port/);
    expect(() => renderUnit({ name: 'sshd', baseDir: '/srv/a', port: 8000, plan: flask, memoryMaxMb: 256 })).toThrow();
  });
});

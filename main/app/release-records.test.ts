import { describe, expect, it } from 'vitest';
import { releaseRecordsDir, removeRecordsCommand, samePlan, stopServiceStep } from './release-records';
import { detectRuntime } from './runtime-plan';

const node = detectRuntime({ names: new Set(['package.json']), read: () => '{"main":"server.js"}' });
const site = detectRuntime({ names: new Set(['index.html']), read: () => '' });

describe('release records', () => {
  it('live beside the settings, root-only, one per release; pruned releases take theirs along', () => {
    expect(releaseRecordsDir('onramp-site')).toBe('/etc/onramp/onramp-site.releases');
    expect(removeRecordsCommand('onramp-site', ['20261207T110203Z', '20261207T120000Z'])).toBe('rm -f -- /etc/onramp/onramp-site.releases/20261207T110203Z.json /etc/onramp/onramp-site.releases/20261207T120000Z.json');
    expect(removeRecordsCommand('onramp-site', [])).toBeUndefined();
    expect(() => removeRecordsCommand('onramp-site', ['../../passwd'])).toThrow();
  });

  it('a plan that runs differently needs its own unit back', () => {
    expect(samePlan(node, { ...node })).toBe(true);
    expect(samePlan(node, { ...node, start: '/usr/bin/node other.js' })).toBe(false);
    expect(samePlan(node, site)).toBe(false);
  });

  it('a static site stops and disables a service a former release ran, and skips when there is none', () => {
    const step = stopServiceStep('onramp-site');
    expect(step.command).toBe('sudo systemctl disable --now onramp-site');
    expect(step.skipIf).toContain('! systemctl is-enabled --quiet onramp-site');
    expect(step.skipIf).toContain('! systemctl is-active --quiet onramp-site');
    expect(step.failure).toBe('app.stopFailed');
  });
});

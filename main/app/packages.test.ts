import { describe, expect, it } from 'vitest';
import { packagesOf, packagesStep, parseAptPolicy } from './packages';

const plan = { runtime: 'node' as const, django: false, hasBuild: false, packages: ['nodejs', 'npm'], install: [], build: [], start: '/usr/bin/npm start', notes: [] };

describe('the runtime packages', () => {
  it('adds curl for the health checks and git only for a repository', () => {
    expect(packagesOf(plan, { kind: 'starter', runtime: 'node' })).toEqual(['curl', 'nodejs', 'npm']);
    expect(packagesOf(plan, { kind: 'git', url: 'https://github.com/o/r', branch: 'main' })).toEqual(['curl', 'git', 'nodejs', 'npm']);
  });

  it('skips the install when every package is there, and refreshes the lists only after a failed first try', () => {
    const step = packagesStep(plan, { kind: 'starter', runtime: 'node' });
    expect(step?.skipIf).toContain('for p in curl nodejs npm;');
    expect(step?.command).toMatch(/^sudo DEBIAN_FRONTEND=noninteractive apt-get install .* \|\| \{ sudo apt-get update -q && sudo DEBIAN_FRONTEND/);
    expect(step?.failure).toBe('app.packagesFailed');
  });

  it('reads installed and candidate versions from apt-cache policy, and (none) as absent', () => {
    const out = ['nodejs:', '  Installed: (none)', '  Candidate: 20.19.4+dfsg-1ubuntu1', '  Version table:', 'python3-venv:', '  Installed: 3.13.7-1', '  Candidate: 3.13.7-1', ''].join('\n');
    expect(parseAptPolicy(out)).toEqual([
      { package: 'nodejs', candidate: '20.19.4+dfsg-1ubuntu1' },
      { package: 'python3-venv', installed: '3.13.7-1', candidate: '3.13.7-1' },
    ]);
  });
});

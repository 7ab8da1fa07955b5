import { describe, expect, it } from 'vitest';
import { archiveVersion, djangoStaticRoot, lowestWanted, runtimeVersionNotes } from './project-facts';

describe('the runtime a project asks for, against the Ubuntu archive', () => {
  it('reads the lowest version a constraint allows', () => {
    expect(lowestWanted('>=22')).toEqual([22, 0]);
    expect(lowestWanted('^22.11.0')).toEqual([22, 11]);
    expect(lowestWanted('~3.12')).toEqual([3, 12]);
    expect(lowestWanted('22.x')).toEqual([22, 0]);
    expect(lowestWanted('>=3.10,<4')).toEqual([3, 10]);
    expect(lowestWanted('lts/*')).toBeUndefined();
  });

  it('reads a Debian version', () => {
    expect(archiveVersion('20.19.4+dfsg-1ubuntu1')).toEqual([20, 19]);
    expect(archiveVersion('1:3.12.3-0ubuntu2')).toEqual([3, 12]);
  });

  it('says when the project asks for a newer runtime than the server offers, and not otherwise', () => {
    const versions = [{ package: 'nodejs', candidate: '20.19.4+dfsg-1ubuntu1' }, { package: 'python3-venv', installed: '3.13.7-1' }];
    expect(runtimeVersionNotes([{ code: 'nodeVersionWanted', wanted: '>=22' }], versions)).toEqual([{ code: 'runtimeOlder', runtime: 'Node.js', wanted: '>=22', available: '20.19' }]);
    expect(runtimeVersionNotes([{ code: 'nodeVersionWanted', wanted: '>=18' }], versions)).toEqual([]);
    expect(runtimeVersionNotes([{ code: 'pythonVersionWanted', wanted: '3.14' }], versions)).toEqual([{ code: 'runtimeOlder', runtime: 'Python', wanted: '3.14', available: '3.13' }]);
    expect(runtimeVersionNotes([{ code: 'pythonVersionWanted', wanted: '3.14' }], [])).toEqual([]);
  });
});

describe("Django's STATIC_ROOT", () => {
  it('finds a folder inside the project', () => {
    expect(djangoStaticRoot('BASE_DIR = Path(__file__).resolve().parent.parent\nSTATIC_ROOT = BASE_DIR / "staticfiles"\n')).toBe('staticfiles');
    expect(djangoStaticRoot("STATIC_ROOT = os.path.join(BASE_DIR, 'static/')\n")).toBe('static');
  });

  it('refuses what is not a plain folder inside the project', () => {
    expect(djangoStaticRoot("STATIC_ROOT = '/var/www/static'\n")).toBeUndefined();
    expect(djangoStaticRoot('STATIC_ROOT = BASE_DIR / "../outside"\n')).toBeUndefined();
    expect(djangoStaticRoot("STATIC_URL = '/static/'\n")).toBeUndefined();
  });
});

/**
 * What the App page's sections show for what main sent: a stored secret only
 * by name (a placeholder, never a value), the journal with the cause and its
 * fix, Roll back only when an older release exists, the plan's notes and the
 * server's package versions.
 */
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { OperationKind } from '../../../common/contract/operations';
import type { AppPlanValue, AppStatus } from '../../../common/contract/schemas/deploy';
import type { OperationState } from '../../operations/use-operation';
import { PlanSection } from './PlanSection';
import { planFields } from './plan-form';
import { SettingsSection } from './SettingsSection';
import { StatusSection } from './StatusSection';

vi.mock('../../bridge/api', () => ({ api: { invoke: {}, on: () => () => undefined } }));
// The app's i18next instance touches the document; these tests bring their own instance.
vi.mock('../../i18n', () => ({ errorText: (error: { code: string }) => error.code }));

type Tree = { [key: string]: string | Tree };
// The namespace as the page sees it: app.json, and the page's own strings (app-page.json) merged in.
const app = Object.assign({}, ...Object.values(import.meta.glob<Tree>(['../../i18n/locales/en/app.json', '../../i18n/locales/en/app-page.json'], { eager: true, import: 'default' }))) as Tree;
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { app } }, ns: ['app'], defaultNS: 'app', interpolation: { escapeValue: false }, showSupportNotice: false });
});

function idle<K extends OperationKind>(): OperationState<K> {
  return { snapshot: undefined, running: false, start: () => Promise.resolve(undefined), cancel: () => Promise.resolve(), result: undefined, error: undefined };
}

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

describe('SettingsSection', () => {
  it('shows a stored secret by name with the vault placeholder, plain values as they are, and the example names', () => {
    const html = render(
      <SettingsSection
        stored={[
          { name: 'DEBUG', secret: false, value: '1' },
          { name: 'SECRET_KEY', secret: true },
        ]}
        loadError={undefined}
        example={[{ name: 'DATABASE_URL', secret: true }]}
        op={idle<'app.setEnv'>()}
        busy={false}
        sessionId="s1"
      />,
    );
    expect(html).toMatch(/value="SECRET_KEY"/);
    expect(html).toMatch(/type="password" placeholder="Stored in the vault — type to replace" aria-label="Value: SECRET_KEY"[^>]* value=""\/>/);
    expect(html).toMatch(/type="text" aria-label="Value: DEBUG"[^>]* value="1"\/>/);
    // A name from .env.example not stored yet: a secret to type, no placeholder.
    expect(html).toMatch(/type="password" aria-label="Value: DATABASE_URL"[^>]* value=""\/>/);
    expect(html).toMatch(/value="DATABASE_URL"/);
    expect(html.match(/data-testid="app-setting-row"/g)).toHaveLength(3);
  });
});

describe('StatusSection', () => {
  const failed: AppStatus = {
    unit: 'onramp-site',
    runtime: 'python',
    state: 'failed',
    live: '20260102T000000Z',
    releases: ['20260101T000000Z', '20260102T000000Z'],
    failure: { lines: ['Traceback (most recent call last):', "KeyError: 'DATABASE_URL'"], cause: 'missingVariable', line: "KeyError: 'DATABASE_URL'", detail: 'DATABASE_URL' },
  };

  it('shows the state, the journal and the cause with its fix, and offers Roll back to the older release', () => {
    const html = render(<StatusSection status={failed} loading={false} error={undefined} onReload={() => undefined} rollback={idle<'app.rollback'>()} busy={false} sessionId="s1" />);
    expect(html).toContain('Service onramp-site: failed');
    expect(html).toContain('Running release: 20260102T000000Z');
    expect(html).toContain('Traceback (most recent call last):');
    expect(html).toContain('Likely cause: A setting is missing');
    expect(html).toContain('Named in the log: DATABASE_URL');
    expect(html).toContain('Add the missing environment variable');
    expect(html).toMatch(/<button type="button" aria-describedby="app-rollback-hint" data-testid="app-rollback">/);
  });

  it('keeps Roll back off with a single release', () => {
    const single: AppStatus = { ...failed, state: 'active', releases: ['20260102T000000Z'], failure: undefined };
    const html = render(<StatusSection status={single} loading={false} error={undefined} onReload={() => undefined} rollback={idle<'app.rollback'>()} busy={false} sessionId="s1" />);
    expect(html).toMatch(/<button type="button" disabled="" aria-describedby="app-rollback-hint" data-testid="app-rollback">/);
    expect(html).not.toContain('app-failure');
  });
});

describe('PlanSection', () => {
  const django: AppPlanValue = {
    runtime: 'python',
    entry: 'shop.wsgi:application',
    pythonServer: 'gunicorn',
    django: true,
    hasBuild: false,
    packages: ['gunicorn', 'python3-venv'],
    install: ['python3 -m venv --system-site-packages .venv'],
    build: ['.venv/bin/python manage.py migrate --noinput'],
    start: '.venv/bin/python -m gunicorn --bind 127.0.0.1:$PORT --workers 2 shop.wsgi:application',
    notes: [{ code: 'djangoAllowedHosts', domain: 'example.com' }],
  };

  it('translates the notes and shows the versions the server offers', () => {
    const html = render(
      <PlanSection
        fields={planFields(django)}
        onChange={() => undefined}
        inspection={{ runtimeVersions: [{ package: 'gunicorn', candidate: '23.0.0-1' }], upload: { files: 12, bytes: 3 * 1024 ** 2, skipped: 40 } }}
        disabled={false}
      />,
    );
    expect(html).toContain('ALLOWED_HOSTS does not list example.com');
    expect(html).toContain('gunicorn: not installed yet; 23.0.0-1 will be installed');
    expect(html).toContain('<code>python3-venv</code>');
    expect(html).toContain('12 files (3 MB) will be uploaded; 40 left out');
    expect(html).toContain('shop.wsgi:application');
  });
});

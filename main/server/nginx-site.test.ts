/**
 * Generated sites checked by the REAL `nginx -t` (main/testing/server/nginx-syntax.ts)
 * across a matrix, and malformed input refused before anything is generated.
 */
import { describe, expect, it } from 'vitest';
import type { WebServerFormInput } from '../../common/contract/schemas/server';
import { hasErrorCode } from '../../common/errors';
import { nginxSyntaxCheck } from '../testing/server/nginx-syntax';
import { serverBlocks } from './nginx-directives';
import { configErrorOf } from './nginx-test-output';
import { planSite } from './nginx-site';

const matrix: [string, WebServerFormInput, string[]][] = [
  ['plain', { domain: 'example.com' }, ['example.com']],
  ['www', { domain: 'example.com', includeWww: true }, ['example.com', 'www.example.com']],
  ['static folder', { domain: 'shop.example.co.kr', staticDir: '/home/ubuntu/app/static/' }, ['shop.example.co.kr']],
  ['IDN in Korean, typed as Unicode', { domain: '한글도메인.kr', includeWww: true }, ['xn--bj0bj3i97fq8o5lq.kr', 'www.xn--bj0bj3i97fq8o5lq.kr']],
  ['IDN already in punycode', { domain: 'xn--bj0bj3i97fq8o5lq.kr' }, ['xn--bj0bj3i97fq8o5lq.kr']],
  ['custom port and body size', { domain: 'api.example.com', appPort: 3000, clientMaxBodySize: '100M' }, ['api.example.com']],
  ['everything', { domain: 'Example.COM', includeWww: true, appPort: 65535, staticDir: '/srv/a-b_c.d/static', clientMaxBodySize: '0' }, ['example.com', 'www.example.com']],
  ['static folder under /var/www', { domain: 'example.com', staticDir: '/var/www/example' }, ['example.com']],
];

describe('generated nginx sites pass the real nginx -t', () => {
  it.each(matrix)('%s', async (_name, form, names) => {
    const plan = planSite(form);
    expect(plan.names).toEqual(names);
    const result = await nginxSyntaxCheck(plan.site, plan.config);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
    expect(serverBlocks(plan.config)).toEqual([{ names, listens: [['80']] }]);
    expect(plan.config).toContain(`add_header X-Onramp-Site ${plan.marker} always;`);
    expect(plan.config).toContain(`proxy_pass http://127.0.0.1:${form.appPort ?? 8000};`);
    if (form.staticDir) expect(plan.config).toMatch(/location \/static\/ \{\n {8}alias \/[^\s;]+\/;/);
    else expect(plan.config).not.toContain('/static/');
  });

  it('a broken edit fails nginx -t and the error maps to the line of the site file', async () => {
    const plan = planSite({ domain: 'example.com' });
    const broken = plan.config.replace('    server_name', '    server_nam');
    const result = await nginxSyntaxCheck(plan.site, broken);
    expect(result.ok).toBe(false);
    const error = configErrorOf(result.output, [result.sitePath], broken);
    expect(error).toMatchObject({ message: 'unknown directive "server_nam"', line: 4, lineText: 'server_nam example.com;' });
  });
});

const malformed: [string, WebServerFormInput, string][] = [
  ['a domain with a space', { domain: 'exa mple.com' }, 'domain'],
  ['a single label', { domain: 'localhost' }, 'domain'],
  ['an IP address', { domain: '203.0.113.7' }, 'domain'],
  ['a label with a leading hyphen', { domain: '-bad.example.com' }, 'domain'],
  ['a label over 63 characters', { domain: `${'a'.repeat(64)}.com` }, 'domain'],
  ['a domain that closes the directive', { domain: 'example.com; return 200 pwned' }, 'domain'],
  ['a domain with a newline', { domain: 'example.com\n    location /x { }' }, 'domain'],
  ['port 0', { domain: 'example.com', appPort: 0 }, 'appPort'],
  ['port 70000', { domain: 'example.com', appPort: 70000 }, 'appPort'],
  ['a fractional port', { domain: 'example.com', appPort: 80.5 }, 'appPort'],
  ['a relative static path', { domain: 'example.com', staticDir: 'static' }, 'staticDir'],
  ['a static path with ..', { domain: 'example.com', staticDir: '/srv/../etc' }, 'staticDir'],
  ['a static path with } and ;', { domain: 'example.com', staticDir: '/srv/x;}location /{return 200;' }, 'staticDir'],
  ['a static path with a space', { domain: 'example.com', staticDir: '/srv/my files' }, 'staticDir'],
  ['the root folder', { domain: 'example.com', staticDir: '/' }, 'staticDir'],
  ['a body size with a unit typo', { domain: 'example.com', clientMaxBodySize: '10mb' }, 'clientMaxBodySize'],
  ['a body size with a directive', { domain: 'example.com', clientMaxBodySize: '1m; autoindex on' }, 'clientMaxBodySize'],
];

describe('malformed input is refused before any config is generated', () => {
  it.each(malformed)('%s', (_name, form, field) => {
    let caught: unknown;
    try {
      planSite(form);
    } catch (error) {
      caught = error;
    }
    expect(hasErrorCode(caught, 'server.invalidForm')).toBe(true);
    if (hasErrorCode(caught, 'server.invalidForm')) {
      expect(caught.params?.fields).toBe(field);
    }
  });
});

describe('system folders are never served', () => {
  it.each(['/etc', '/etc/nginx', '/usr/share', '/var/lib/app', '/var/log', '/proc/self', '/var/www-evil', '/srvx/static', '/boot', '/home'])('%s', (staticDir) => {
    let caught: unknown;
    try {
      planSite({ domain: 'example.com', staticDir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'server.staticDirRefused', params: { path: staticDir } });
  });
});

describe('a static app (the App step) is the site itself', () => {
  it('serves the release folder as root, keeps /static/, passes the real nginx -t, and never proxies', async () => {
    const plan = planSite({ domain: 'example.com', staticDir: '/srv/site/current/static', siteRoot: '/srv/site/current' });
    const result = await nginxSyntaxCheck(plan.site, plan.config);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
    expect(plan.config).toContain('    root /srv/site/current;');
    expect(plan.config).toContain('try_files $uri $uri/ =404;');
    expect(plan.config).toContain('alias /srv/site/current/static/;');
    expect(plan.config).not.toContain('proxy_pass');
  });

  it('refuses a site root outside the folders that may be served', () => {
    expect(() => planSite({ domain: 'example.com', siteRoot: '/etc' })).toThrow();
  });
});

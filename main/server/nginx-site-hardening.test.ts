/**
 * The hardened site (issue 21, like nginxconfig.io): headers, no version,
 * gzip, HTTP/2 by nginx version, [::] listens where the host has IPv6, and
 * the HTTPS server kept once a certificate exists; each variant through the
 * REAL `nginx -t` (with a throwaway self-signed certificate for the TLS ones).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webServerForm } from '../../common/contract/schemas/server';
import { nginxSyntaxCheck } from '../testing/server/nginx-syntax';
import { serverBlocks } from './nginx-directives';
import { generateSiteConfig, hasHttp2Directive, parseNginxVersion, planFromForm, siteMarkerOf, type SiteEnvironment } from './nginx-site';
import { hstsOf, tlsOf } from './site-tls';

const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-site-tls-'));
const certificate = path.join(dir, 'fullchain.pem');
const key = path.join(dir, 'privkey.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=example.com', '-keyout', key, '-out', certificate], { stdio: 'ignore' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const form = webServerForm.parse({ domain: 'example.com', includeWww: true, staticDir: '/var/www/example' });
const tls = { certificate, key };

describe('the hardened site', () => {
  it('sends no version, nosniff, a frame and a referrer policy on every answer, and gzips text', async () => {
    const config = generateSiteConfig(form);
    for (const line of [
      'server_tokens off;',
      'add_header X-Content-Type-Options nosniff always;',
      'add_header X-Frame-Options SAMEORIGIN always;',
      'add_header Referrer-Policy strict-origin-when-cross-origin always;',
      'gzip on;',
    ]) {
      expect(config).toContain(line);
    }
    expect(config).toMatch(/gzip_types [^;]*text\/css[^;]*application\/json/);
    expect(config).not.toContain('Strict-Transport-Security'); // no HSTS without a verified certificate
    expect(config).not.toContain('443');
    expect((await nginxSyntaxCheck('example.com', config)).output).toBe('');
  });

  it('listens on [::] too only where the host has IPv6', async () => {
    const v6 = generateSiteConfig(form, undefined, { ipv6: true });
    expect(serverBlocks(v6)[0]?.listens).toEqual([['80'], ['[::]:80']]);
    expect(serverBlocks(generateSiteConfig(form, undefined, { ipv6: false }))[0]?.listens).toEqual([['80']]);
    expect((await nginxSyntaxCheck('example.com', v6)).ok).toBe(true);
  });

  it('the marker changes with the config and names the site', () => {
    const a = planFromForm(form);
    const b = planFromForm(webServerForm.parse({ ...form, appPort: 3000 }));
    expect(a.marker).toMatch(/^example\.com\/[0-9a-f]{12}$/);
    expect(b.marker).not.toBe(a.marker);
    expect(planFromForm(form).marker).toBe(a.marker); // deterministic
    expect(siteMarkerOf(a.config)).toBe(a.marker);
    expect(siteMarkerOf('server { listen 80; }')).toBeUndefined();
  });
});

describe('HTTP/2 by nginx version', () => {
  it('reads `nginx -v` and knows which versions have the http2 directive', () => {
    expect(parseNginxVersion('nginx version: nginx/1.22.1')).toEqual([1, 22, 1]);
    expect(parseNginxVersion('nginx version: nginx/1.24.0 (Ubuntu)')).toEqual([1, 24, 0]);
    expect(parseNginxVersion('sudo: nginx: command not found')).toBeUndefined();
    expect([[1, 22, 1], [1, 25, 0], [1, 25, 1], [1, 26, 3], [2, 0, 0]].map((v) => hasHttp2Directive(v as [number, number, number]))).toEqual([false, false, true, true, true]);
    expect(hasHttp2Directive(undefined)).toBe(false);
  });

  it('before 1.25.1 (Debian 12, Ubuntu 24.04): `listen 443 ssl http2`, and nginx -t accepts it here', async () => {
    const env: SiteEnvironment = { nginxVersion: [1, 22, 1], ipv6: true, tls };
    const config = generateSiteConfig(form, undefined, env);
    expect(config).toContain('    listen 443 ssl http2;\n    listen [::]:443 ssl http2;');
    expect(config).not.toContain('http2 on;');
    const result = await nginxSyntaxCheck('example.com', config);
    expect(result.output).toBe('');
  });

  it('from 1.25.1 (Ubuntu 26.04): `listen 443 ssl` with `http2 on;`', () => {
    const config = generateSiteConfig(form, undefined, { nginxVersion: [1, 28, 0], ipv6: false, tls });
    expect(config).toContain('    listen 443 ssl;\n    http2 on;');
    expect(config).not.toMatch(/listen [^;]*http2/);
  });
});

describe('once a certificate exists, the site keeps its HTTPS server', () => {
  const certbotEdited = [
    'server {',
    '    server_name example.com www.example.com;',
    '    add_header X-Onramp-Site example.com/abc always;',
    '    location / { proxy_pass http://127.0.0.1:8000; }',
    '    listen [::]:443 ssl ipv6only=on; # managed by Certbot',
    '    listen 443 ssl; # managed by Certbot',
    '    ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem; # managed by Certbot',
    '    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem; # managed by Certbot',
    '    include /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot',
    '    ssl_dhparam /etc/letsencrypt/ssl-dhparams.pem; # managed by Certbot',
    '}',
  ].join('\n');

  it('reads the certificate paths certbot wrote into the site file', () => {
    expect(tlsOf(certbotEdited)).toEqual({
      certificate: '/etc/letsencrypt/live/example.com/fullchain.pem',
      key: '/etc/letsencrypt/live/example.com/privkey.pem',
      options: '/etc/letsencrypt/options-ssl-nginx.conf',
      dhparam: '/etc/letsencrypt/ssl-dhparams.pem',
    });
    expect(tlsOf('server { listen 80; }')).toBeUndefined();
    expect(tlsOf('ssl_certificate /x/../etc/shadow;\nssl_certificate_key /k;')).toBeUndefined();
  });

  it('writes a port-80 redirect and the 443 server with the certificate, the headers and HSTS when given', async () => {
    const config = generateSiteConfig(form, undefined, { nginxVersion: [1, 22, 1], ipv6: false, tls: { ...tls, hsts: { maxAge: 86_400, includeSubDomains: false } } });
    const blocks = serverBlocks(config);
    expect(blocks).toEqual([
      { names: ['example.com', 'www.example.com'], listens: [['80']] },
      { names: ['example.com', 'www.example.com'], listens: [['443', 'ssl', 'http2']] },
    ]);
    expect(config).toContain('return 301 https://$host$request_uri;');
    expect(config).toContain(`ssl_certificate ${certificate};`);
    expect(config).toContain('add_header Strict-Transport-Security "max-age=86400" always;');
    expect(hstsOf(config)).toEqual({ maxAge: 86_400, includeSubDomains: false });
    expect(config.match(/X-Onramp-Site/g)).toHaveLength(2);
    expect((await nginxSyntaxCheck('example.com', config)).output).toBe('');
    // Read back, the rewritten file keeps the same TLS part (running the step again changes nothing).
    expect(tlsOf(config)).toEqual({ certificate, key, hsts: { maxAge: 86_400, includeSubDomains: false } });
  });

  it('includeSubDomains only when asked', () => {
    const config = generateSiteConfig(form, undefined, { ipv6: false, tls: { ...tls, hsts: { maxAge: 86_400, includeSubDomains: true } } });
    expect(config).toContain('"max-age=86400; includeSubDomains"');
  });
});

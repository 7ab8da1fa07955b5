import { describe, expect, it } from 'vitest';
import { httpsRequest } from '../../common/contract/schemas/server';
import { certbotIssueCommand, certbotRenewDryRunCommand } from './certbot-command';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('certbot commands', () => {
  it('production with www and the redirect', () => {
    const request = httpsRequest.parse({ domain: 'example.com', includeWww: true, email: 'me+tls@example.com' });
    expect(certbotIssueCommand(request)).toBe('sudo certbot --nginx -d example.com -d www.example.com -m me+tls@example.com --agree-tos -n --redirect');
    expect(certbotRenewDryRunCommand(request)).toBe('sudo certbot renew --dry-run --no-random-sleep-on-renew');
  });

  it('staging adds --test-cert; a dry run is certonly --dry-run without the redirect', () => {
    expect(certbotIssueCommand(httpsRequest.parse({ domain: 'example.com', email: 'a@example.com', mode: 'staging' }))).toBe(
      'sudo certbot --nginx -d example.com -m a@example.com --agree-tos -n --redirect --test-cert',
    );
    expect(certbotIssueCommand(httpsRequest.parse({ domain: 'example.com', email: 'a@example.com', mode: 'dry-run' }))).toBe(
      'sudo certbot certonly --nginx --dry-run -d example.com -m a@example.com --agree-tos -n',
    );
  });

  it('a custom ACME directory: its CA bundle through env, and --server on the renew dry run too', () => {
    const request = httpsRequest.parse({ domain: 'xn--bj0bj3i97fq8o5lq.kr', email: 'a@example.com', acme: { directoryUrl: 'https://acme.internal:14000/dir', caPem: pem } });
    expect(certbotIssueCommand(request)).toBe(
      'sudo env REQUESTS_CA_BUNDLE=/etc/onramp/acme-ca.pem certbot --nginx -d xn--bj0bj3i97fq8o5lq.kr -m a@example.com --agree-tos -n --redirect --server https://acme.internal:14000/dir',
    );
    expect(certbotRenewDryRunCommand(request)).toBe('sudo env REQUESTS_CA_BUNDLE=/etc/onramp/acme-ca.pem certbot renew --dry-run --no-random-sleep-on-renew --server https://acme.internal:14000/dir');
  });

  it('without an e-mail (optional: no expiry reminders exist any more) the account is registered without one', () => {
    for (const email of [undefined, '', '  ']) {
      expect(certbotIssueCommand(httpsRequest.parse({ domain: 'example.com', email }))).toBe('sudo certbot --nginx -d example.com --register-unsafely-without-email --agree-tos -n --redirect');
    }
    expect(httpsRequest.safeParse({ domain: 'example.com', email: '-oops@example.com' }).success).toBe(false);
  });

  it('an IDN typed in Korean becomes its punycode', () => {
    expect(certbotIssueCommand(httpsRequest.parse({ domain: '한글도메인.kr', email: 'a@example.com' }))).toContain('-d xn--bj0bj3i97fq8o5lq.kr ');
  });
});

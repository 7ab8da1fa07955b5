import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('external link allowlist', () => {
  it.each([
    'https://console.aws.amazon.com/iam/home',
    'https://ap-northeast-2.console.aws.amazon.com/ec2/home',
    'https://www.gabia.com/',
    'https://dns.gabia.com/',
    'https://letsencrypt.org/docs/rate-limits/',
    'https://certbot.eff.org/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://console.aws.amazon.com/',
    'https://console.aws.amazon.com.evil.example/',
    'https://evilgabia.com/',
    'https://user:pass@gabia.com/',
    'https://gabia.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

/**
 * Domain names as the user types them: Unicode (a Korean name) or ASCII.
 * Converted with the WHATWG URL parser (UTS #46, the same IDNA mapping in
 * Node and Chromium, so the page's preview and main agree), then checked the
 * way DNS needs it: 253 characters at most, labels of 1–63 letters, digits
 * and hyphens (LDH) after punycode, at least two labels, no IP address.
 * Linear in the input; the input is capped before any work.
 */

export type DomainProblem = 'empty' | 'tooLong' | 'url' | 'invalid' | 'ip' | 'singleLabel' | 'labelLength' | 'ldh' | 'numericTld';

export type ParsedDomain = { ok: true; ascii: string } | { ok: false; problem: DomainProblem };

/** Longer input than this is refused before parsing (a name is at most 253 octets; Unicode input can be longer before punycode, not this much). */
const MAX_INPUT = 1024;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const IPV4_LIKE = /^[0-9.]+$/;

export function parseDomain(input: string): ParsedDomain {
  if (input.length > MAX_INPUT) return { ok: false, problem: 'tooLong' };
  let text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (/[/:@?#\\%\s]/.test(text)) return { ok: false, problem: 'url' };
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (IPV4_LIKE.test(text) || text.startsWith('[')) return { ok: false, problem: 'ip' };
  if (/\.[0-9]+$/.test(text)) return { ok: false, problem: 'numericTld' };
  let ascii: string;
  try {
    ascii = new URL(`http://${text}/`).hostname;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (!ascii || ascii.startsWith('[')) return { ok: false, problem: 'invalid' };
  if (IPV4_LIKE.test(ascii)) return { ok: false, problem: 'ip' };
  if (ascii.length > 253) return { ok: false, problem: 'tooLong' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, problem: 'singleLabel' };
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return { ok: false, problem: 'labelLength' };
    if (!LDH_LABEL.test(label)) return { ok: false, problem: 'ldh' };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return { ok: false, problem: 'numericTld' };
  return { ok: true, ascii };
}

/** True when any label is punycode (the name was typed in Unicode, or pasted as xn--). */
export function isIdn(ascii: string): boolean {
  return ascii.split('.').some((label) => label.startsWith('xn--'));
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/**
 * A DNS server address as settings and tests give it: `1.1.1.1`,
 * `127.0.0.1:5353`, `2001:4860:4860::8888` or `[::1]:5353` (node:dns
 * `setServers` syntax).
 */
export function isResolverAddress(text: string): boolean {
  if (text.length > 64) return false;
  const v4 = /^([0-9.]+)(?::(\d{1,5}))?$/.exec(text);
  if (v4) return isIpv4(v4[1] ?? '') && validPort(v4[2]);
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIpv6Like(bracketed[1] ?? '') && validPort(bracketed[2]);
  return isIpv6Like(text);
}

function isIpv6Like(text: string): boolean {
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':') && (text.match(/:/g) ?? []).length >= 2;
}

function validPort(port: string | undefined): boolean {
  if (port === undefined) return true;
  const n = Number(port);
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

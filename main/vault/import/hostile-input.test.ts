/**
 * Files made to be slow: every recogniser on the import path must be linear.
 * Before the line scans, 32 KB of newlines took 9 s (the multiline `^\s*…`
 * regexes restarted at every line) and 256 KB about two minutes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import { parseImportFile } from './import-file';
import { sniff } from './sniff';

const SIZE = 256 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const LIMIT_MS = 200;
const en = JSON.parse(readFileSync(path.resolve(__dirname, '../../../renderer/i18n/locales/en/vault.json'), 'utf8')) as { errors: Record<string, string> };

/** Sniff + import attempt; returns the error code and how long it took. */
function attemptOnce(text: string, fileName: string): { code: string; ms: number; params: Record<string, string | number> } {
  const start = performance.now();
  sniff(text, fileName);
  try {
    parseImportFile(Buffer.from(text, 'utf8'), fileName);
  } catch (error) {
    const ms = performance.now() - start;
    if (!isAppError(error)) throw error;
    return { code: error.code, ms, params: error.params ?? {} };
  }
  throw new Error('a hostile file was imported');
}

/**
 * The fastest of three attempts: the test machine is shared, and other
 * processes' load must not decide the result. Quadratic work stays slow in
 * every attempt (the old regexes took 9 s on 32 KB of newlines).
 */
function attempt(text: string, fileName: string): { code: string; ms: number; params: Record<string, string | number> } {
  const runs = [0, 1, 2].map(() => attemptOnce(`${text}`, fileName));
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}

const CASES: ReadonlyArray<[string, string]> = [
  ['newlines', fill('\n')],
  ['CRLF line ends', fill('\r\n')],
  ['spaces', fill(' ')],
  ['blank lines of spaces and tabs', fill(' \t \n')],
  ['repeated -----BEGIN fragments', fill('-----BEGIN ')],
  ['repeated -----BEGIN fragments on lines', fill('-----BEGIN \n')],
  ['private key BEGIN lines without an END', fill('-----BEGIN OPENSSH PRIVATE KEY-----\n')],
  ['a private key block of blank lines', `-----BEGIN RSA PRIVATE KEY-----\n${fill('\n \n')}-----END RSA PRIVATE KEY-----\n`],
  ['an OpenSSH key block of blank lines', `-----BEGIN OPENSSH PRIVATE KEY-----\n${fill(' \n')}-----END OPENSSH PRIVATE KEY-----\n`],
  ['a public key type followed by spaces', `ssh-ed25519${fill(' ')}`],
  ['public key lines with a broken blob', fill('ssh-rsa AAAA!\n')],
  ['certificate fragments', fill('x-cert-v01@openssh.com \n')],
  ['a PuTTY header and blank lines', `PuTTY-User-Key-File-2: ssh-ed25519\n${fill('\n')}`],
  ['PuTTY headers repeated', fill('PuTTY-User-Key-File-3: ssh-rsa\nPublic-Lines: 999999\n')],
  ['PEM labels of spaces', fill('-----BEGIN      ')],
  ['an SSH2 public key header and blank lines', `---- BEGIN SSH2 PUBLIC KEY ----\n${fill('\n')}`],
];

describe('hostile files are refused in linear time', () => {
  it.each(CASES)('%s (256 KB): refused in under 200 ms with a translated error', (_name, text) => {
    for (const fileName of ['id_rsa', 'hostile.pem']) {
      const { code, ms } = attempt(text, fileName);
      expect(code).toMatch(/^vault\./);
      expect(en.errors[code.replace('vault.', '')], code).toBeTruthy();
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it.each([
    ['newlines', 'vault.csvEmpty', fill('\n')],
    ['spaces', 'vault.csvEmpty', fill(' ')],
    ['a header, then rows of a space and a comma', 'vault.csvMalformed', `Access key ID,Secret access key\n${fill(' ,\n')}`],
    ['a header, then rows of a quoted comma', 'vault.csvMalformed', `Access key ID,Secret access key\n${fill('",",\n')}`],
    ['commas', 'vault.csvMalformed', fill(',')],
    ['quotes', 'vault.csvUnknownHeader', fill('"')],
    ['an unclosed quote then newlines', 'vault.csvMalformed', `"${fill('\n')}`],
  ])('CSV: %s (256 KB) -> %s in under 200 ms', (_name, expected, text) => {
    const { code, ms } = attempt(text, 'hostile.csv');
    expect(code).toBe(expected);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('the error reads as a sentence in both languages, with the file name', async () => {
    const ko = JSON.parse(readFileSync(path.resolve(__dirname, '../../../renderer/i18n/locales/ko/vault.json'), 'utf8'));
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { vault: en }, ko: { vault: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
    const { code, params } = attempt(fill('\n'), 'id_rsa');
    expect(code).toBe('vault.unrecognizedFile');
    expect(i18n.t(`vault:errors.unrecognizedFile`, { ...params, lng: 'en' })).toContain('id_rsa');
    expect(i18n.t(`vault:errors.unrecognizedFile`, { ...params, lng: 'ko' })).toContain('id_rsa');
  });
});

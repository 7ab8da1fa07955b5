import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  createShellIntegrationNonce,
  formatOsc633,
  Osc633Scanner,
  parseOsc633,
  shellIntegrationInstallLine,
  shellIntegrationScript,
  type Osc633Marker,
} from './shell-integration';

const NONCE = '0123456789abcdef0123456789abcdef';

describe('parseOsc633 (also for the renderer xterm OSC handler)', () => {
  it.each<[string, Osc633Marker | null]>([
    [`D;0;${NONCE}`, { type: 'D', exitCode: 0, nonce: NONCE }],
    [`633;D;127;${NONCE}`, { type: 'D', exitCode: 127, nonce: NONCE }],
    [`A;${NONCE}`, { type: 'A', nonce: NONCE }],
    [`B;${NONCE}`, { type: 'B', nonce: NONCE }],
    [`C;${NONCE}`, { type: 'C', nonce: NONCE }],
    ['D;0', null],
    [`D;x;${NONCE}`, null],
    [`D;0;${NONCE};extra`, null],
    ['A;NOT-HEX', null],
    [`E;ls;${NONCE}`, null],
    ['', null],
  ])('%j', (data, expected) => {
    expect(parseOsc633(data)).toEqual(expected);
  });

  it('round-trips with formatOsc633', () => {
    const marker: Osc633Marker = { type: 'D', exitCode: 7, nonce: NONCE };
    expect(formatOsc633(marker)).toBe(`\x1b]633;D;7;${NONCE}\x07`);
    expect(new Osc633Scanner().push(formatOsc633(marker))).toEqual([marker]);
  });
});

describe('Osc633Scanner', () => {
  const stream = `hi\r\n${formatOsc633({ type: 'C', nonce: NONCE })}out\x1b[0m${`\x1b]633;D;1;${NONCE}\x1b\\`}\x1b]0;title\x07${formatOsc633({ type: 'A', nonce: NONCE })}$ `;
  const expected: Osc633Marker[] = [
    { type: 'C', nonce: NONCE },
    { type: 'D', exitCode: 1, nonce: NONCE },
    { type: 'A', nonce: NONCE },
  ];

  it('finds markers with BEL and ST terminators among other escapes', () => {
    expect(new Osc633Scanner().push(stream)).toEqual(expected);
  });

  it('finds the same markers however the stream is split', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const scanner = new Osc633Scanner();
      expect([...scanner.push(stream.slice(0, cut)), ...scanner.push(stream.slice(cut))], `cut at ${cut}`).toEqual(expected);
    }
    const scanner = new Osc633Scanner();
    expect([...stream].flatMap((char) => scanner.push(char))).toEqual(expected);
  });

  it('skips an overlong or aborted sequence and keeps scanning', () => {
    const scanner = new Osc633Scanner();
    const long = `\x1b]633;${'x'.repeat(1000)}`;
    const aborted = `\x1b]633;D;0;${NONCE}\x1b[31m`;
    expect(scanner.push(`${long}${aborted}${formatOsc633({ type: 'A', nonce: NONCE })}`)).toEqual([{ type: 'A', nonce: NONCE }]);
  });
});

describe('the bash snippet', () => {
  it('is valid bash and only defines things for this shell', () => {
    const script = shellIntegrationScript(NONCE);
    execFileSync('bash', ['-n'], { input: script });
    expect(script).not.toMatch(/bashrc|profile|>>|export /);
    expect(script).toContain('PROMPT_COMMAND=');
    expect(script).toContain('PS0=');
  });

  it('emits A, C and D with the nonce in a real interactive bash', () => {
    const input = `source /dev/stdin <<'ONRAMP'\n${shellIntegrationScript(NONCE)}ONRAMP\nfalse\n(exit 7)\n\ntrue\nexit\n`;
    // `script` gives bash a real tty, so PS0 and PROMPT_COMMAND run as they would over SSH.
    const output = execFileSync('script', ['-qc', 'bash --norc --noprofile -i', '/dev/null'], { input, encoding: 'utf8' });
    const markers = new Osc633Scanner().push(output).filter((m) => m.type === 'D');
    expect(markers.map((m) => m.type === 'D' && m.exitCode)).toEqual([1, 7, 0]);
  });

  it('install line is one line ending in Enter and restores echo', () => {
    const line = shellIntegrationInstallLine(NONCE);
    expect(line.startsWith(' ')).toBe(true); // HISTCONTROL=ignorespace keeps it out of history
    expect(line.endsWith('; stty echo\r')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\r\n]/);
  });

  it('rejects nonces that could break out of the quoting', () => {
    expect(() => shellIntegrationScript("abc'; rm -rf ~; '")).toThrow();
    expect(createShellIntegrationNonce()).toMatch(/^[0-9a-f]{32}$/);
  });
});

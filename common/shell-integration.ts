/**
 * Shell integration in the VS Code OSC 633 style, for ONE interactive bash
 * session: nothing is written to the server's dotfiles.
 *
 * Markers (all `ESC ] 633 ; … BEL`, which xterm consumes invisibly):
 *   A;<nonce>            prompt starts
 *   B;<nonce>            prompt ends, command input starts (end of PS1)
 *   C;<nonce>            the typed command starts executing (PS0)
 *   D;<exit>;<nonce>     that command finished with <exit> (PROMPT_COMMAND)
 *
 * The nonce is a per-session random value kept in an unexported shell
 * variable, so a program's output cannot forge a "finished" marker.
 *
 * Installation: main opens the PTY with ECHO off and types one line first
 * (leading space: kept out of history by HISTCONTROL=ignorespace). bash's
 * readline does not echo while the tty has ECHO off, so the line stays
 * invisible; it decodes and evals the script, then `stty echo` restores normal
 * echo. What the user sees is one empty prompt line, like an extra Enter.
 * Shells other than bash only run `stty echo` and get no markers.
 *
 * This module uses no Node APIs (only TextEncoder, btoa, Web Crypto), so the
 * renderer can reuse `parseOsc633` / `Osc633Scanner` for its xterm OSC handler.
 */

export const OSC_633 = 633;

export type Osc633Marker =
  | { readonly type: 'A' | 'B' | 'C'; readonly nonce: string }
  | { readonly type: 'D'; readonly exitCode: number; readonly nonce: string };

const NONCE_PATTERN = /^[0-9a-f]{16,64}$/;

/** A fresh nonce: 32 lowercase hex characters from the Web Crypto RNG. */
export function createShellIntegrationNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The bash (>= 4.4, for PS0) script that installs the markers in the running
 * shell. C comes from PS0, which bash expands after reading a command line and
 * before running it (also for subshells like `(exit 7)`, not for empty lines
 * or comments); the expansion sets `__onramp_ran` so PROMPT_COMMAND knows a
 * command ran and reports its `$?` as D.
 */
export function shellIntegrationScript(nonce: string): string {
  if (!NONCE_PATTERN.test(nonce)) throw new Error('shell integration nonce must be 16-64 lowercase hex characters');
  return [
    'if [ "${BASH_VERSINFO[0]}" -gt 4 ] || { [ "${BASH_VERSINFO[0]}" -eq 4 ] && [ "${BASH_VERSINFO[1]}" -ge 4 ]; }; then',
    `__onramp_nonce='${nonce}'`,
    "__onramp_ran=''",
    "__onramp_osc() { builtin printf '\\033]633;%s;%s\\007' \"$1\" \"$__onramp_nonce\"; }",
    '__onramp_precmd() {',
    '  local __onramp_status=$?',
    '  if [ -n "$__onramp_ran" ]; then __onramp_osc "D;$__onramp_status"; fi',
    "  __onramp_ran=''",
    '  __onramp_osc A',
    '}',
    'PROMPT_COMMAND="__onramp_precmd${PROMPT_COMMAND:+;$PROMPT_COMMAND}"',
    "PS0=\"${PS0}\"'\\033]633;C;'\"${__onramp_nonce}\"'\\007${__onramp_ran:0:$((__onramp_ran=1,0))}'",
    'PS1="${PS1}\\[\\033]633;B;${__onramp_nonce}\\007\\]"',
    'fi',
    '',
  ].join('\n');
}

/**
 * The single line main types into a fresh PTY whose tty modes have ECHO off
 * (ssh2 `shell({ modes: { ECHO: 0 } })`). Ends with `\r`, as Enter does.
 */
export function shellIntegrationInstallLine(nonce: string): string {
  const encoded = base64(shellIntegrationScript(nonce));
  return ` [ -n "$BASH_VERSION" ] && eval "$(echo '${encoded}' | base64 -d)"; stty echo\r`;
}

/**
 * Recognise the data of one OSC 633 sequence, i.e. what xterm's
 * `registerOscHandler(633, data => …)` receives (`D;0;<nonce>`), or the same
 * with the leading `633;`. Returns null for anything else (including the
 * other 633 markers VS Code defines, like `E` and `P`, and malformed input).
 */
export function parseOsc633(data: string): Osc633Marker | null {
  const body = data.startsWith('633;') ? data.slice(4) : data;
  const parts = body.split(';');
  const type = parts[0];
  if ((type === 'A' || type === 'B' || type === 'C') && parts.length === 2) {
    const nonce = parts[1] ?? '';
    return NONCE_PATTERN.test(nonce) ? { type, nonce } : null;
  }
  if (type === 'D' && parts.length === 3) {
    const exitText = parts[1] ?? '';
    const nonce = parts[2] ?? '';
    if (!/^\d{1,3}$/.test(exitText) || !NONCE_PATTERN.test(nonce)) return null;
    return { type, exitCode: Number(exitText), nonce };
  }
  return null;
}

/** `ESC ] 633 ; <marker> BEL`, e.g. for tests or a renderer-side echo. */
export function formatOsc633(marker: Osc633Marker): string {
  const body = marker.type === 'D' ? `D;${marker.exitCode};${marker.nonce}` : `${marker.type};${marker.nonce}`;
  return `\x1b]633;${body}\x07`;
}

const OSC_START = '\x1b]633;';
/** Longest OSC 633 body we wait for across chunks; anything longer is not ours. */
const MAX_PENDING = 256;

/**
 * Finds OSC 633 markers in a stream of text chunks, including a sequence
 * split across chunks. Terminators: BEL or ST (`ESC \`). Keeps at most
 * MAX_PENDING characters between calls, so memory stays bounded.
 */
export class Osc633Scanner {
  private carry = '';

  push(text: string): Osc633Marker[] {
    const input = this.carry + text;
    this.carry = '';
    const markers: Osc633Marker[] = [];
    let from = 0;
    for (;;) {
      const start = input.indexOf(OSC_START, from);
      if (start < 0) {
        this.carry = possiblePrefixAtEnd(input, from);
        return markers;
      }
      const bodyStart = start + OSC_START.length;
      const end = findTerminator(input, bodyStart);
      if (!end) {
        if (input.length - start <= MAX_PENDING) {
          this.carry = input.slice(start); // maybe split across chunks
          return markers;
        }
        from = bodyStart; // too long to be ours: skip it
        continue;
      }
      const marker = end.aborted ? null : parseOsc633(input.slice(bodyStart, end.index));
      if (marker) markers.push(marker);
      from = end.index + end.length;
    }
  }
}

interface Terminator {
  readonly index: number;
  readonly length: number;
  /** ESC followed by something other than `\\`: the terminal abandons the OSC. */
  readonly aborted: boolean;
}

function findTerminator(input: string, from: number): Terminator | null {
  for (let i = from; i < input.length && i - from <= MAX_PENDING; i++) {
    const char = input[i];
    if (char === '\x07') return { index: i, length: 1, aborted: false };
    if (char !== '\x1b') continue;
    if (i + 1 >= input.length) return null; // wait for the next chunk
    return input[i + 1] === '\\' ? { index: i, length: 2, aborted: false } : { index: i, length: 0, aborted: true };
  }
  return null;
}

/** The tail of `input` (after `from`) that could be the start of `ESC ] 633 ;`. */
function possiblePrefixAtEnd(input: string, from: number): string {
  const tailStart = Math.max(from, input.length - (OSC_START.length - 1));
  for (let i = tailStart; i < input.length; i++) {
    if (OSC_START.startsWith(input.slice(i))) return input.slice(i);
  }
  return '';
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

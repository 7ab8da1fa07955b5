/**
 * The three measurements of `npm run bench:terminal`, each driving the real
 * UI: keys go in through Playwright's keyboard, timings come from the page
 * (keydown → xterm parsed the output).
 */
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { SshdFixture } from '../../sshd-fixture';
import { armProbe, cursorLine, probeResult, tabRows, type ArmArgs } from './page-probes';

/** `head -c 75000000 /dev/zero | base64`: 100 MB of base64 in 76-column lines (101.3 MB with \n, 102.6 MB with a PTY's \r\n). */
export const FLOOD_COMMAND = 'head -c 75000000 /dev/zero | base64';

async function measure(page: Page, args: ArmArgs, press: () => Promise<void>): Promise<number> {
  await page.evaluate(armProbe, args);
  await press();
  return page.evaluate(probeResult);
}

export async function waitForPrompt(page: Page, tabId: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!/\$\s*$/.test(await page.evaluate(cursorLine, tabId))) {
    if (Date.now() > deadline) throw new Error(`no shell prompt in ${tabId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function tabIds(page: Page): Promise<string[]> {
  return (await page.evaluate(tabRows)).map((tab) => tab.id);
}

/**
 * Milliseconds from pressing Enter until xterm has parsed the whole flood and
 * the sentinel after it. Each round has its own sentinel, so the previous
 * round's, still on screen, cannot end the measurement early.
 */
export async function onrampFloodMs(page: Page, tabId: string, round: number): Promise<number> {
  await page.keyboard.type(`${FLOOD_COMMAND}; echo BENCH_""DONE_${round}`);
  return measure(page, { tabId, key: 'Enter', until: `BENCH_DONE_${round}`, mode: 'nearCursorIncludes', timeoutMs: 600_000 }, () => page.keyboard.press('Enter'));
}

/**
 * Wall time of the OpenSSH client running the same command with its output
 * going to /dev/null (connect included). `pty: true` (`ssh -tt`) makes the
 * server run it on a PTY, as for every terminal (Onramp's included): the same
 * bytes (the PTY turns \n into \r\n) through the same kernel path, which on
 * these machines costs more than everything else in OpenSSH. `pty: false` is
 * a plain `ssh host cmd`, printed for reference.
 */
export function opensshFloodMs(sshd: SshdFixture, pty: boolean): Promise<number> {
  const args = [
    ...(pty ? ['-tt'] : []),
    '-p', String(sshd.port), '-i', sshd.keys.ed25519.path,
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR',
    `${sshd.user}@${sshd.host}`, FLOOD_COMMAND,
  ];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    // stdin stays an open pipe: with -tt, an immediate EOF would reach the remote PTY
    const child = spawn('ssh', args, { stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      child.stdin?.destroy();
      if (code !== 0) return reject(new Error(`ssh exited with ${code}`));
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

const ECHO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const LINE_CHARS = 24;

/** Types one character at a time at tab `tabId`'s prompt until `durationMs` is over; each sample is keydown → echo parsed. */
export async function echoLatencies(page: Page, tabId: string, durationMs: number): Promise<number[]> {
  const samples: number[] = [];
  const end = Date.now() + durationMs;
  let typed = '';
  while (Date.now() < end) {
    if (typed.length >= LINE_CHARS) {
      await page.keyboard.press('Control+U'); // readline: erase the line
      await waitForPrompt(page, tabId);
      typed = '';
    }
    const key = ECHO_ALPHABET[samples.length % ECHO_ALPHABET.length] ?? 'a';
    typed += key;
    samples.push(await measure(page, { tabId, key, until: typed, mode: 'cursorEndsWith', timeoutMs: 10_000 }, () => page.keyboard.press(key)));
    await new Promise((resolve) => setTimeout(resolve, 40)); // about a fast typist's pace
  }
  await page.keyboard.press('Control+U');
  return samples;
}

/** Samples this process's RSS every `everyMs` until stopped; returns the peak in bytes. */
export function rssSampler(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

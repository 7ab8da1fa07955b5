/**
 * Code the benchmark runs inside the page (page.evaluate serialises each
 * function, so they use nothing from outside). They only READ the terminal,
 * through the read-only test hook `window.__onrampTerminals`, and time when
 * xterm has parsed something.
 */

/** What renderer/terminal/test-hook.ts exposes (restated: node code cannot import renderer files). */
interface Hook {
  tabs(): { id: string; status: string; cols: number; rows: number; renderer?: string }[];
  text(tabId: string): string;
  cursorLine(tabId: string, offset?: number): string;
  onParsed(tabId: string, listener: () => void): () => void;
}
interface ProbeWindow {
  __onrampTerminals: Hook;
  __bench?: { result: Promise<number> };
  addEventListener(type: string, listener: (event: { key: string }) => void, options: { capture: boolean; once?: boolean }): void;
  removeEventListener(type: string, listener: (event: { key: string }) => void, options: { capture: boolean }): void;
}

export type ArmArgs = { tabId: string; key: string; until: string; mode: 'cursorEndsWith' | 'nearCursorIncludes'; timeoutMs: number };

/**
 * Arms one measurement: from the next keydown of `key` (as the page sees it)
 * until xterm has parsed output that makes the cursor line end with `until`
 * ('cursorEndsWith', for an echo) or puts `until` on the cursor line or the
 * two above it ('nearCursorIncludes', for a sentinel after a flood). The
 * result (ms) is left in `window.__bench.result`.
 */
export function armProbe({ tabId, key, until, mode, timeoutMs }: ArmArgs): void {
  const win = globalThis as unknown as ProbeWindow;
  const hook = win.__onrampTerminals;
  const now = () => (globalThis as unknown as { performance: { now(): number } }).performance.now();
  const seen = (): boolean => {
    if (mode === 'cursorEndsWith') return hook.cursorLine(tabId).endsWith(until);
    return [0, -1, -2].some((offset) => hook.cursorLine(tabId, offset).includes(until));
  };
  win.__bench = {
    result: new Promise<number>((resolve, reject) => {
      let start: number | undefined;
      const onKey = (event: { key: string }) => {
        if (event.key === key && start === undefined) start = now();
      };
      win.addEventListener('keydown', onKey, { capture: true });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no "${until}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = hook.onParsed(tabId, () => {
        if (start === undefined || !seen()) return;
        const elapsed = now() - start;
        stop();
        resolve(elapsed);
      });
      const stop = () => {
        clearTimeout(timer);
        unsubscribe();
        win.removeEventListener('keydown', onKey, { capture: true });
      };
    }),
  };
}

/** Awaits the armed measurement's result. */
export function probeResult(): Promise<number> {
  const bench = (globalThis as unknown as ProbeWindow).__bench;
  if (!bench) return Promise.reject(new Error('no probe armed'));
  return bench.result;
}

export function tabRows(): ReturnType<Hook['tabs']> {
  return (globalThis as unknown as ProbeWindow).__onrampTerminals.tabs();
}

export function cursorLine(tabId: string): string {
  return (globalThis as unknown as ProbeWindow).__onrampTerminals.cursorLine(tabId);
}

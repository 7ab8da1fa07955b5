/**
 * READ-ONLY test hook for the Chromium test host (never installed under
 * Electron): lets e2e tests and the benchmark read what each terminal shows
 * and observe when xterm has parsed output. It cannot type, write or change
 * anything; it only reads text the user can already see.
 */
import type { IDisposable } from '@xterm/xterm';
import { terminals } from './terminal-store';

export interface TerminalTestHook {
  tabs(): { id: string; sessionId?: string; status: string; renderer?: string; cols: number; rows: number; fontSize?: number }[];
  /** Every line of the tab's buffer (scrollback included), trailing blanks trimmed. */
  text(tabId: string): string;
  /** The line the cursor is on, or `offset` lines below it (negative: above). */
  cursorLine(tabId: string, offset?: number): string;
  /** Whether the shell has turned bracketed paste on (xterm's mode, as the last parsed output left it). */
  bracketedPaste(tabId: string): boolean;
  /** Calls `listener` each time xterm finished parsing a write to this tab. */
  onParsed(tabId: string, listener: () => void): () => void;
}

declare global {
  interface Window {
    __onrampTerminals?: TerminalTestHook;
  }
}

function lines(tabId: string, from: number, to: number): string[] {
  const buffer = terminals.get(tabId)?.terminal.buffer.active;
  if (!buffer) return [];
  const out: string[] = [];
  for (let y = from; y < Math.min(to, buffer.length); y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
  return out;
}

export function installTerminalTestHook(): void {
  if (window.onramp || window.__onrampTerminals) return; // Electron: no hook
  window.__onrampTerminals = {
    tabs: () =>
      terminals.all().map((tab) => ({
        id: tab.info.id,
        sessionId: tab.info.sessionId,
        status: tab.info.status,
        renderer: tab.info.renderer,
        cols: tab.terminal.cols,
        rows: tab.terminal.rows,
        fontSize: tab.terminal.options.fontSize,
      })),
    text: (tabId) => lines(tabId, 0, Number.MAX_SAFE_INTEGER).join('\n').replace(/\s+$/, ''),
    cursorLine: (tabId, offset = 0) => {
      const buffer = terminals.get(tabId)?.terminal.buffer.active;
      const y = buffer ? buffer.baseY + buffer.cursorY + offset : -1;
      return y >= 0 ? (lines(tabId, y, y + 1)[0] ?? '') : '';
    },
    bracketedPaste: (tabId) => terminals.get(tabId)?.terminal.modes.bracketedPasteMode ?? false,
    onParsed: (tabId, listener) => {
      const subscription: IDisposable | undefined = terminals.get(tabId)?.terminal.onWriteParsed(listener);
      return () => subscription?.dispose();
    },
  };
}

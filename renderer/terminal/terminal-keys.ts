/**
 * Keys the app takes before xterm sees them: Ctrl/Cmd+F (search), Ctrl/Cmd
 * + / - / 0 (font zoom), Ctrl+Shift+C (copy). Ctrl+Shift+V and Shift+Insert
 * are left to the browser, whose paste event xterm turns into a (bracketed)
 * paste. Everything else goes to the shell, Ctrl+C included.
 */
import type { ZoomAction } from './font-zoom';

export type TerminalKeyAction = { kind: 'search' } | { kind: 'zoom'; action: ZoomAction } | { kind: 'copy' } | { kind: 'paste' };

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

export function terminalKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): TerminalKeyAction | null {
  const primary = isMac ? event.metaKey : event.ctrlKey;
  if (event.shiftKey && event.key === 'Insert') return { kind: 'paste' };
  if (!primary || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'f' && !event.shiftKey) return { kind: 'search' };
  if (key === '=' || key === '+') return { kind: 'zoom', action: 'in' };
  if (key === '-' || key === '_') return { kind: 'zoom', action: 'out' };
  if (key === '0' && !event.shiftKey) return { kind: 'zoom', action: 'reset' };
  if (!isMac && event.shiftKey && key === 'c') return { kind: 'copy' };
  if (!isMac && event.shiftKey && key === 'v') return { kind: 'paste' };
  return null;
}

/**
 * Copy on select. The selection is text the user sees, so the renderer may
 * put it on the clipboard itself; where the async clipboard is refused, the
 * browser's copy command (which xterm answers with its selection) is used.
 */
import type { Terminal } from '@xterm/xterm';

export function copySelection(term: Terminal): void {
  const text = term.getSelection();
  if (!text) return;
  const fallback = () => {
    term.focus();
    document.execCommand('copy');
  };
  if (!navigator.clipboard) return fallback();
  navigator.clipboard.writeText(text).catch(fallback);
}

/** Copies whenever a selection settles (debounced, so a drag copies once). */
export function copyOnSelect(term: Terminal, delayMs = 150): { dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = term.onSelectionChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => copySelection(term), delayMs);
  });
  return {
    dispose() {
      clearTimeout(timer);
      subscription.dispose();
    },
  };
}

import { useEffect } from 'react';
import { pageIds } from '../../common/contract/constants';
import type { PageId } from '../../common/contract/schemas/setup';

const order: readonly PageId[] = pageIds;

/** Ctrl/Cmd+Alt+Arrow keys (or Ctrl+PageUp/PageDown) move between pages, except while typing in a terminal. */
export function useStepKeyboard(current: PageId | undefined, goTo: (page: PageId) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!current) return;
      // Inside a terminal, these keys belong to the remote program.
      if (event.target instanceof Element && event.target.closest('.xterm')) return;
      const mod = event.ctrlKey || event.metaKey;
      const back = (mod && event.altKey && event.key === 'ArrowUp') || (event.ctrlKey && event.key === 'PageUp');
      const forward = (mod && event.altKey && event.key === 'ArrowDown') || (event.ctrlKey && event.key === 'PageDown');
      if (!back && !forward) return;
      const index = order.indexOf(current);
      const next = order[index + (forward ? 1 : -1)];
      if (next) {
        event.preventDefault();
        goTo(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, goTo]);
}

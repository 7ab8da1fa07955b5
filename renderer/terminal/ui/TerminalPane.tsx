import { useEffect, useRef } from 'react';
import { terminals } from '../terminal-store';

/**
 * The box the terminals live in. Every tab's xterm element is kept inside it
 * (hidden unless active), so switching tabs keeps each scrollback; a
 * ResizeObserver refits the active terminal whenever the box changes size
 * (window resize, sidebar, zoom), and the PTY follows (ssh.resize).
 */
export function TerminalPane({ activeId, tabIds }: { activeId: string | undefined; tabIds: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = box.current;
    if (!container) return;
    for (const tab of terminals.all()) tab.setHidden(tab.info.id !== activeId);
    const active = activeId ? terminals.get(activeId) : undefined;
    if (!active) return;
    active.attach(container);
    active.focus();
    active.startOnce();
  }, [activeId, tabIds]);

  useEffect(() => {
    const container = box.current;
    if (!container) return;
    const observer = new ResizeObserver(() => {
      const active = activeId ? terminals.get(activeId) : undefined;
      active?.fit();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [activeId]);

  return <div ref={box} className="terminal-stack" data-testid="terminal" />;
}

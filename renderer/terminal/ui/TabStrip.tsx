import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabInfo } from '../tab-info';
import { terminals } from '../terminal-store';

/**
 * One tab per terminal; several per server. The + opens another terminal to the active tab's server.
 * Each tab is a button (aria-current on the shown one) next to its own close button: a
 * role="tablist" may hold only tabs, so close buttons inside one are not allowed (axe).
 */
export function TabStrip({ tabs, activeId, onNewTab }: { tabs: readonly TabInfo[]; activeId: string | undefined; onNewTab: () => void }) {
  const { t } = useTranslation('ssh');
  const active = tabs.find((tab) => tab.id === activeId);
  const list = useRef<HTMLDivElement>(null);
  // With more tabs than fit, the list scrolls within itself: keep the active tab in sight (also when the pane narrows).
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const reveal = () => element.querySelector('.terminal-tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    reveal();
    const observer = new ResizeObserver(reveal);
    observer.observe(element);
    return () => observer.disconnect();
  }, [activeId, tabs.length]);
  return (
    <div className="tab-strip">
      <div ref={list} role="group" aria-label={t('terminal.tabs')} className="tab-list">
        {tabs.map((tab, index) => (
          <div key={tab.id} className={`terminal-tab${tab.id === activeId ? ' active' : ''}`}>
            <button
              type="button"
              aria-current={tab.id === activeId ? 'true' : undefined}
              className="tab-title"
              title={tab.title || tab.label}
              data-testid={`terminal-tab-${index + 1}`}
              onClick={() => terminals.activate(tab.id)}
            >
              <span className={`status-dot ${tab.status}`} aria-label={t(`terminal.status.${tab.status}`)} role="img" />
              {tab.label} <span className="muted">#{index + 1}</span>
            </button>
            <button type="button" className="tab-close" aria-label={t('terminal.closeTab', { label: `${tab.label} #${index + 1}` })} onClick={() => terminals.close(tab.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {active && (
        <button type="button" className="new-tab" onClick={onNewTab} title={t('terminal.newTabFor', { label: active.label })} data-testid="terminal-new-tab">
          + {t('terminal.newTab')}
        </button>
      )}
    </div>
  );
}

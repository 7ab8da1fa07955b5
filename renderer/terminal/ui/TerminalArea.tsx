import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshServer, SshTargetRef } from '../../../common/contract/schemas/ssh';
import { zoom } from '../font-zoom';
import { terminals, useTerminals } from '../terminal-store';
import { errorText } from '../../i18n';
import { ErrorBanner } from '../../app/ErrorBanner';
import { SearchBar } from './SearchBar';
import { TabStrip } from './TabStrip';
import { TerminalBanner } from './TerminalBanner';
import { TerminalPane } from './TerminalPane';

/** The tabs, the active terminal with its banner and search bar, and the zoom / find buttons. */
export function TerminalArea({ serverOf, ownServer }: { serverOf: (target: SshTargetRef) => { host: string; port: number } | undefined; ownServer: SshServer | undefined }) {
  const { t } = useTranslation('ssh');
  const view = useTerminals();
  const info = view.tabs.find((tab) => tab.id === view.activeId);
  const activeStatus = info?.status;
  const area = useRef<HTMLElement>(null);
  // A newly opened or chosen tab scrolls the terminal into view.
  useEffect(() => {
    area.current?.scrollIntoView({ block: 'start' }); // (newer Chromium returns a promise here: never return it as the cleanup)
  }, [view.activeId]);
  // Once connected (e.g. after the host key dialog closed), the keyboard goes to the terminal.
  useEffect(() => {
    if (activeStatus === 'open' && view.activeId) terminals.get(view.activeId)?.focus();
  }, [activeStatus, view.activeId]);
  if (view.tabs.length === 0) return null;
  const active = info ? terminals.get(info.id) : undefined;
  return (
    <section ref={area} className="terminal-area" aria-label={t('terminal.tabs')}>
      <TabStrip tabs={view.tabs} activeId={view.activeId} onNewTab={() => info && terminals.open(info.target, info.label)} />
      {view.notice && <ErrorBanner text={errorText(view.notice)} onDismiss={() => terminals.dismissNotice()} />}
      {info && active && (
        <TerminalBanner key={info.id} tab={info} server={serverOf(info.target)} ownServer={ownServer} onReconnect={() => void active.reconnect()} onRelabel={(label) => active.relabel(label)} />
      )}
      {info?.searchOpen && active && <SearchBar key={info.id} tab={active} />}
      <TerminalPane activeId={view.activeId} tabIds={view.tabs.map((tab) => tab.id).join(' ')} />
      <div className="terminal-toolbar">
        <span className="muted hint">{t('terminal.hint')}</span>
        <span className="button-row">
          <button type="button" onClick={() => active?.setSearchOpen(true)} title={t('terminal.find')}>
            {t('terminal.find')}
          </button>
          <button type="button" onClick={() => zoom('out')} aria-label={t('terminal.zoomOut')} title={t('terminal.zoomOut')}>
            A−
          </button>
          <button type="button" onClick={() => zoom('reset')} aria-label={t('terminal.zoomReset')} title={t('terminal.zoomReset')}>
            A
          </button>
          <button type="button" onClick={() => zoom('in')} aria-label={t('terminal.zoomIn')} title={t('terminal.zoomIn')}>
            A+
          </button>
        </span>
      </div>
    </section>
  );
}

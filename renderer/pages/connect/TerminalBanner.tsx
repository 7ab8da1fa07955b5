import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import type { TabInfo } from '../../terminal/tab-info';
import { HostKeyMismatch } from './HostKeyMismatch';

/** What the active tab needs to say above its terminal: connecting, disconnected (Reconnect), or why it failed. */
export function TerminalBanner({ tab, server, onReconnect }: {
  tab: TabInfo;
  server: { host: string; port: number } | undefined;
  onReconnect: () => void;
}) {
  const { t } = useTranslation('ssh');
  const { status, error, closedReason } = tab;
  if (error?.code === 'ssh.hostKeyMismatch') return <HostKeyMismatch error={error} server={tab.server ?? server} onRetry={onReconnect} />;
  if (status === 'connecting' || status === 'reconnecting') {
    return (
      <div className="banner banner-info" role="status" data-testid="terminal-connecting">
        <span>{status === 'connecting' ? t('terminal.connecting', { label: tab.label }) : t('terminal.reconnecting')}</span>
      </div>
    );
  }
  if (status !== 'closed' && status !== 'failed') return null;
  const text = error ? errorText(error) : closedReason ? t(`errors.${closedReason.slice('ssh.'.length)}`) : '';
  return (
    <div className="banner banner-warn" role="alert" data-testid="terminal-disconnected">
      <span>{text}</span>
      <div className="banner-actions">
        <button type="button" className="primary" onClick={onReconnect}>
          {status === 'closed' ? t('terminal.reconnect') : t('terminal.tryAgain')}
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshServer } from '../../../common/contract/schemas/ssh';
import { errorText } from '../../i18n';
import type { TabInfo } from '../tab-info';
import { HostKeyMismatch } from './HostKeyMismatch';
import { LoginNameRetry } from './LoginNameRetry';
import { SshAccessCheck } from './SshAccessCheck';
import { serverLabel } from '../server-label';

/** What the active tab needs to say above its terminal: connecting, disconnected (Reconnect), or why it failed. */
export function TerminalBanner({ tab, server, ownServer, onReconnect, onRelabel }: {
  tab: TabInfo;
  server: { host: string; port: number } | undefined;
  /** The saved own server, whose login name can be changed after a refused login. */
  ownServer: SshServer | undefined;
  onReconnect: () => void;
  onRelabel: (label: string) => void;
}) {
  const { t } = useTranslation('ssh');
  const [changingUser, setChangingUser] = useState(false);
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
  // A refused login on the user's own server: the login name is theirs to change, so say where and offer it here.
  const loginNameEditable = error?.code === 'ssh.authFailed' && tab.target === 'ownServer' && ownServer !== undefined;
  return (
    <div className="banner banner-warn terminal-problem" role="alert" data-testid="terminal-disconnected">
      <div className="banner-text">
        <span>{text}</span>
        {loginNameEditable && <p className="login-name-where">{t('terminal.loginNameWhere')}</p>}
        {error?.code === 'ssh.connectTimeout' && tab.target === 'setup' && <SshAccessCheck onAllowed={onReconnect} />}
        {loginNameEditable && changingUser && (
          <LoginNameRetry
            server={ownServer}
            onCancel={() => setChangingUser(false)}
            onSaved={(saved) => {
              setChangingUser(false);
              onRelabel(serverLabel(saved));
              onReconnect();
            }}
          />
        )}
      </div>
      {!changingUser && (
        <div className="banner-actions">
          <button type="button" className="primary" onClick={loginNameEditable ? () => setChangingUser(true) : onReconnect}>
            {status === 'closed' ? t('terminal.reconnect') : t('terminal.tryAgain')}
          </button>
        </div>
      )}
    </div>
  );
}

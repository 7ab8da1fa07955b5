import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

type Access = { ip: string; allowed: boolean; sources: string[] };

/**
 * Connecting to the setup's server timed out: main checks whether the user's current IP is still allowed by the
 * security group, and if not, offers to allow it (every other SSH source is revoked) and try again.
 */
export function SshAccessCheck({ onAllowed }: { onAllowed: () => void }) {
  const { t } = useTranslation('ec2');
  const [access, setAccess] = useState<Access>();
  const [error, setError] = useState<ContractError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void api.invoke['ec2.sshAccess']({}).then((r) => {
      if (!live) return;
      if (r.ok) setAccess(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);
  if (error) return <p className="field-error">{errorText(error)}</p>;
  if (!access) return <p className="muted">{t('sshAccess.checking')}</p>;
  if (access.allowed) return <p data-testid="ssh-access">{t('sshAccess.allowed', { ip: access.ip })}</p>;
  const allow = async () => {
    setBusy(true);
    const r = await api.invoke['ec2.setSshSource']({ ssh: { from: 'myIp', ip: access.ip } });
    setBusy(false);
    if (r.ok) onAllowed();
    else setError(r.error);
  };
  return (
    <div data-testid="ssh-access">
      <p>{t('sshAccess.notAllowed', { ip: access.ip, sources: access.sources.join(', ') || '—' })}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void allow()}>
        {t('sshAccess.allowMyIp', { ip: access.ip })}
      </button>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import { setSshSourceRequest, type LaunchChoices } from '../../common/contract/schemas/ec2';
import { ErrorBanner } from '../app/ErrorBanner';
import { api } from '../bridge/api';
import { errorText } from '../i18n';
import { SshSourceField } from './SshSourceField';

/** Changes who may SSH in: main allows the chosen source and revokes every other source of port 22, and this says which. */
export function SshSourceEditor({ saved, onChanged }: { saved: LaunchChoices['ssh'] | undefined; onChanged: () => void }) {
  const { t } = useTranslation('ec2');
  const [ssh, setSsh] = useState<LaunchChoices['ssh']>(saved ?? { from: 'myIp', ip: '' });
  const [error, setError] = useState<ContractError>();
  const [revoked, setRevoked] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const valid = setSshSourceRequest.safeParse({ ssh });
  return (
    <form
      className="card"
      aria-labelledby="ssh-source-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid.success) return;
        setBusy(true);
        void api.invoke['ec2.setSshSource'](valid.data).then((r) => {
          setBusy(false);
          setError(r.ok ? undefined : r.error);
          setRevoked(r.ok ? r.value.revoked : undefined);
          onChanged();
        });
      }}
    >
      <h2 id="ssh-source-title">{t('server.sshSourceTitle')}</h2>
      <SshSourceField value={ssh} onChange={setSsh} />
      <button type="submit" disabled={!valid.success || busy}>
        {t('server.sshSourceApply')}
      </button>
      {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
      {revoked && <SshRevokedNote revoked={revoked} />}
    </form>
  );
}

/** "SSH is no longer open to …" after a change of source (also on the Launch page's result). */
export function SshRevokedNote({ revoked }: { revoked: readonly string[] }) {
  const { t } = useTranslation('ec2');
  return (
    <p role="status" data-testid="ssh-revoked">
      {revoked.length > 0 ? t('server.sshRevoked', { sources: revoked.join(', ') }) : t('server.sshNothingRevoked')}
    </p>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/api';
import '../../styles/iam-pages.css';

const CLOUDSHELL_URL = 'https://console.aws.amazon.com/cloudshell/home';
const NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * A brand-new account has only the root user: the two ways in. Recommended,
 * a CloudShell command block that makes the IAM user and prints its key as
 * the console's CSV (for the vault's import); or a temporary root key that the
 * Secure the account step deletes once the IAM user's own key works.
 */
export function NewAccountWays() {
  const { t } = useTranslation('iam');
  const [userName, setUserName] = useState('onramp');
  const [groupName, setGroupName] = useState('onramp-ec2');
  const [script, setScript] = useState('');
  const [copied, setCopied] = useState(false);
  const valid = NAME.test(userName) && NAME.test(groupName);

  useEffect(() => {
    if (!valid) return;
    let alive = true;
    void api.invoke['iam.cloudShellScript']({ userName, groupName, preset: 'ec2' }).then((r) => alive && r.ok && setScript(r.value.script));
    return () => {
      alive = false;
    };
  }, [userName, groupName, valid]);

  const copy = async () => {
    await navigator.clipboard.writeText(script).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <details className="card new-account" data-testid="new-account-ways">
      <summary>{t('newAccount.title')}</summary>
      <p>{t('newAccount.intro')}</p>
      <h3>{t('newAccount.cloudShell.title')}</h3>
      <p>{t('newAccount.cloudShell.steps')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="cloudshell-user">{t('newAccount.cloudShell.userName')}</label>
          <input id="cloudshell-user" value={userName} onChange={(e) => setUserName(e.target.value)} aria-invalid={!NAME.test(userName)} />
        </div>
        <div className="field">
          <label htmlFor="cloudshell-group">{t('newAccount.cloudShell.groupName')}</label>
          <input id="cloudshell-group" value={groupName} onChange={(e) => setGroupName(e.target.value)} aria-invalid={!NAME.test(groupName)} />
        </div>
      </div>
      <pre className="cloudshell-block mono" data-testid="cloudshell-script" tabIndex={0}>
        {script}
      </pre>
      <div className="row">
        <button type="button" onClick={() => void copy()} disabled={!script}>
          {t('newAccount.cloudShell.copy')}
        </button>
        <button type="button" className="link" onClick={() => void api.invoke['app.openExternal']({ url: CLOUDSHELL_URL })}>
          {t('newAccount.cloudShell.open')} ↗
        </button>
        {copied && <span role="status">{t('newAccount.cloudShell.copied')}</span>}
      </div>
      <h3>{t('newAccount.rootKey.title')}</h3>
      <p>{t('newAccount.rootKey.steps')}</p>
    </details>
  );
}

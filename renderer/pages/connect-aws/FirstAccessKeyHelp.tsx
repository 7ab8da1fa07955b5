import { useTranslation } from 'react-i18next';

/**
 * How someone with a brand-new account (only the root user) gets an access key
 * of their own in the IAM console, and why the root key should be temporary.
 * Kept on its own: the IAM step will offer this next to a CloudShell path.
 */
export function FirstAccessKeyHelp() {
  const { t } = useTranslation('aws');
  return (
    <div className="first-key-help" data-testid="aws-first-key-help">
      <h3 className="first-key-title">{t('firstKey.title')}</h3>
      <ol>
        <li>{t('firstKey.openIam')}</li>
        <li>{t('firstKey.createUser')}</li>
        <li>{t('firstKey.createKey')}</li>
        <li>{t('firstKey.importIt')}</li>
      </ol>
      <p>{t('firstKey.rootTemporary')}</p>
    </div>
  );
}

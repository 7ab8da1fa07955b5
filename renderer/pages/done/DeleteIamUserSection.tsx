import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwsSource } from '../../../common/contract/schemas/aws';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import { useLoad } from '../../bridge/use-load';

/** `vault:<id>`, `profile:<name>` or `default` (My environment), for the select. */
function parseSource(value: string): AwsSource | undefined {
  if (value.startsWith('vault:')) return { kind: 'vault', itemId: value.slice(6) };
  if (value.startsWith('profile:')) return { kind: 'profile', profile: value.slice(8) };
  if (value === 'default') return { kind: 'default' };
  return undefined;
}

/**
 * Optional: delete the IAM user this setup made (and its group when empty).
 * Its own key cannot, so this asks for the credentials that created it and says why.
 */
export function DeleteIamUserSection({ userName, ownKeyItemId }: { userName: string; ownKeyItemId: string | undefined }) {
  const { t } = useTranslation('ec2');
  const vault = useLoad(() => api.invoke['vault.list']({}), 'vault');
  const profiles = useLoad(() => api.invoke['aws.listProfiles']({}), 'profiles');
  const op = useOperation('done.deleteIamUser');
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Never the user's own key (by the id the setup recorded, or by the user its ARN names): it cannot delete itself.
  const isOwn = (arn: string | undefined) => arn !== undefined && arn.includes(':user/') && (arn.endsWith(`:user/${userName}`) || arn.endsWith(`/${userName}`));
  const keys = (vault.value?.items ?? []).flatMap((i) => (i.kind === 'aws-access-key' && i.id !== ownKeyItemId && !isOwn(i.arn) ? [i] : []));
  const source = parseSource(chosen);

  return (
    <section className="card" aria-labelledby="iam-teardown-title" data-testid="iam-teardown">
      <h2 id="iam-teardown-title">{t('iamTeardown.title', { userName })}</h2>
      <p className="muted">{t('iamTeardown.why')}</p>
      <label htmlFor="iam-teardown-source">{t('iamTeardown.source')}</label>
      <select id="iam-teardown-source" value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="iam-teardown-source">
        <option value="">{t('iamTeardown.choose')}</option>
        {keys.map((k) => (
          <option key={k.id} value={`vault:${k.id}`}>
            {t('iamTeardown.vaultKey', { label: k.label, hint: k.keyIdHint ?? '' })}
          </option>
        ))}
        <option value="default">{t('iamTeardown.environment')}</option>
        {(profiles.value?.profiles ?? []).map((p) => (
          <option key={p.name} value={`profile:${p.name}`}>
            {t('iamTeardown.profile', { name: p.name })}
          </option>
        ))}
      </select>
      {!confirming ? (
        <div className="row">
          <button type="button" className="danger" disabled={!source || op.running} onClick={() => setConfirming(true)} data-testid="iam-teardown-start">
            {t('iamTeardown.start', { userName })}
          </button>
        </div>
      ) : (
        <div className="card" role="alertdialog" aria-labelledby="iam-teardown-confirm-text">
          <p id="iam-teardown-confirm-text">{t('iamTeardown.confirm', { userName })}</p>
          <div className="row">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="iam-teardown-confirm"
              onClick={() => {
                setConfirming(false);
                if (source) void op.start({ source });
              }}
            >
              {t('iamTeardown.start', { userName })}
            </button>
          </div>
        </div>
      )}
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && <ErrorBanner text={errorText(op.error)} />}
      {op.result && (
        <div role="status" data-testid="iam-teardown-result">
          <p>{op.result.userDeleted ? t('iamTeardown.userDeleted', { userName: op.result.userName }) : t('iamTeardown.userLeft', { userName: op.result.userName })}</p>
          {op.result.groupKeptFor !== undefined && <p>{t('iamTeardown.groupKept', { count: op.result.groupKeptFor })}</p>}
          {op.result.sourceRestored && <p data-testid="iam-source-restored">{t('journey:iam.sourceRestored', { userName: op.result.userName })}</p>}
          {op.result.groupNotOurs && <p data-testid="iam-teardown-group-not-ours">{t('iamTeardown.groupNotOurs')}</p>}
          {op.result.failures.length > 0 && (
            <>
              <p>{t('done.partial')}</p>
              <ul>
                {op.result.failures.map((f) => (
                  <li key={`${f.part}-${f.id}`}>
                    {t(`teardown.iam.${f.part}`)} <code>{f.id}</code>: {errorText(f.error ?? { code: f.code, message: '' })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

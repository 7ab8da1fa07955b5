import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IamChoices, PolicyPreset } from '../../../common/contract/schemas/iam';
import type { ContractError } from '../../../common/contract/result';
import { ErrorBanner } from '../../app/ErrorBanner';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';

const PRESETS: PolicyPreset[] = ['ec2', 'ec2-full', 'ec2-route53', 'admin'];
const NAME = /^[\w+=,.@-]{1,64}$/;

/** The IAM user sub-step: inputs, the createUser operation's progress, and the existing-password choice. */
export function IamUserForm({ remembered }: { remembered: IamChoices | undefined }) {
  const { t } = useTranslation('iam');
  const op = useOperation('secure-account.createUser');
  const [userName, setUserName] = useState(remembered?.userName ?? 'onramp');
  const [groupName, setGroupName] = useState(remembered?.groupName ?? 'onramp-ec2');
  const [preset, setPreset] = useState<PolicyPreset>(remembered?.preset ?? 'ec2');
  const [consoleAccess, setConsoleAccess] = useState(remembered?.consoleAccess ?? true);
  const [passwordResetRequired, setPasswordResetRequired] = useState(true);
  const valid = NAME.test(userName) && NAME.test(groupName);
  const run = (existingLoginProfile: 'ask' | 'keep' | 'reset') =>
    void op.start({ userName, groupName, preset, consoleAccess, passwordResetRequired, existingLoginProfile });
  const result = op.running ? undefined : op.result;

  return (
    <section className="card iam-section" aria-labelledby="iam-user-title" data-testid="iam-user">
      <h2 id="iam-user-title">{t('user.title')}</h2>
      <p>{t('user.intro')}</p>
      <div className="field">
        <label htmlFor="iam-user-name">{t('user.userName')}</label>
        <input id="iam-user-name" value={userName} onChange={(e) => setUserName(e.target.value)} aria-invalid={!NAME.test(userName)} />
      </div>
      <div className="field">
        <label htmlFor="iam-group-name">{t('user.groupName')}</label>
        <input id="iam-group-name" value={groupName} onChange={(e) => setGroupName(e.target.value)} aria-invalid={!NAME.test(groupName)} />
      </div>
      <fieldset className="field">
        <legend className="field-label">{t('user.preset')}</legend>
        {PRESETS.map((id) => (
          <label key={id} className="choice">
            <input type="radio" name="iam-preset" value={id} checked={preset === id} onChange={() => setPreset(id)} /> {t(`user.presets.${id}`)}
          </label>
        ))}
      </fieldset>
      {preset === 'admin' && (
        <div className="banner banner-warn" role="alert" data-testid="iam-admin-warning">
          <span>⚠ {t('user.adminWarning')}</span>
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={consoleAccess} onChange={(e) => setConsoleAccess(e.target.checked)} /> {t('user.consoleAccess')}
      </label>
      {consoleAccess && (
        <label className="choice">
          <input type="checkbox" checked={passwordResetRequired} onChange={(e) => setPasswordResetRequired(e.target.checked)} /> {t('user.resetRequired')}
        </label>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!valid || op.running} onClick={() => run('ask')} data-testid="iam-create-user">
          {t('user.create')}
        </button>
      </div>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && !op.running && <ErrorBanner text={errorText(op.error)} />}
      {!op.running && <UseSuggestedName error={op.error} onUse={(code, name) => (code === 'iam.groupTaken' ? setGroupName(name) : setUserName(name))} />}
      {result && (
        <div className="iam-outcome" role="status" data-testid="iam-user-result">
          <p className="ok">{t('user.created', { userName, groupName })}</p>
          {!result.userCreated && !result.groupCreated && <p className="muted">{t('user.reused')}</p>}
          {result.policiesRemoved && result.policiesRemoved.length > 0 && (
            <p data-testid="iam-policies-removed">{t('user.policiesRemoved', { policies: result.policiesRemoved.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(', ') })}</p>
          )}
          {(result.loginProfile === 'created' || result.loginProfile === 'reset') && <p>{t('user.passwordStored', { url: result.signInUrl })}</p>}
          {result.loginProfile === 'exists' && (
            <div className="banner banner-warn" data-testid="iam-profile-exists">
              <div>
                <p>{t('user.profileExists', { userName })}</p>
                <div className="row">
                  <button type="button" onClick={() => run('keep')}>
                    {t('user.keepPassword')}
                  </button>
                  <button type="button" onClick={() => run('reset')}>
                    {t('user.resetPassword')}
                  </button>
                </div>
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** For a name someone else holds (iam.groupTaken / iam.userTaken): one click takes the free name main suggested. */
function UseSuggestedName({ error, onUse }: { error: ContractError | undefined; onUse: (code: string, name: string) => void }) {
  const { t } = useTranslation('iam');
  const suggestion = error?.params?.['suggestion'];
  if (!error || (error.code !== 'iam.groupTaken' && error.code !== 'iam.userTaken') || typeof suggestion !== 'string') return null;
  return (
    <div className="row">
      <button type="button" onClick={() => onUse(error.code, suggestion)} data-testid="iam-use-suggested-name">
        {t('user.useSuggestedName', { name: suggestion })}
      </button>
    </div>
  );
}

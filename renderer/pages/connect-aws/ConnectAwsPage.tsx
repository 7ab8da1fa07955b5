import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { AwsSource, AwsStatus } from '../../../common/contract/schemas/aws';
import { ErrorBanner } from '../../app/ErrorBanner';
import { PathChoice } from '../../app/PathChoice';
import { OwnServerSettings } from '../OwnServerSettings';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import '../../vault/vault.css';
import './connect-aws.css';
import { IdentityCard, type IdentityState } from './IdentityCard';
import { NewAccountWays } from './NewAccountWays';
import { ProfileSource } from './ProfileSource';
import { RegionSelect } from './RegionSelect';
import { SourceChoice, type SourceKind } from './SourceChoice';
import { useRegion } from './use-region';
import { VaultKeySource } from './VaultKeySource';

/** Step 1: choose where the AWS credentials come from, pick a region, and verify them with STS. */
export function ConnectAwsPage(props: PageProps) {
  const { t, i18n } = useTranslation('aws');
  const remembered = props.setup.choices.awsSource;
  const [kind, setKind] = useState<SourceKind>(remembered?.kind ?? 'vault');
  const [itemId, setItemId] = useState(remembered?.kind === 'vault' ? remembered.itemId : '');
  const [profile, setProfile] = useState(remembered?.kind === 'profile' ? remembered.profile : '');
  const [region, setRegion] = useRegion(props.setup.choices.region, i18n.language, kind, profile);
  const [verifying, setVerifying] = useState(false);
  const [status, setStatus] = useState<AwsStatus>();
  const [lastCheck, setLastCheck] = useState<'passed' | 'failed'>();
  const [error, setError] = useState<ContractError>();

  const outcome = useRef<HTMLDivElement>(null);
  /** The connection main really holds (or the identity it remembers); the page shows only this. */
  const readStatus = () => api.invoke['aws.status']({}).then((r) => setStatus(r.ok ? r.value : undefined));
  useEffect(() => {
    void api.invoke['aws.status']({}).then((r) => r.ok && setStatus(r.value));
  }, []);
  // A fresh outcome is shown below the form: bring it into view.
  useEffect(() => {
    if (lastCheck || error) outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [lastCheck, error, status]);

  const source: AwsSource | undefined =
    kind === 'vault' ? (itemId ? { kind, itemId } : undefined) : kind === 'profile' ? (profile ? { kind, profile } : undefined) : { kind };

  const verify = async () => {
    if (!source || !region) return;
    setVerifying(true);
    setError(undefined);
    setLastCheck(undefined);
    const r = await api.invoke['aws.connect']({ source, region });
    // Success or failure, re-read what main now holds instead of trusting this answer or an older one.
    await readStatus();
    setVerifying(false);
    setLastCheck(r.ok ? 'passed' : 'failed');
    if (!r.ok) setError(r.error);
  };

  const identityState: IdentityState | undefined = !status?.identity ? undefined : !status.connected ? 'remembered' : lastCheck === 'failed' ? 'kept' : 'verified';

  return (
    <StepFrame page="connect-aws" {...props} keepWhenSkipped>
      <PathChoice path={props.setup.choices.path} onError={props.onError} />
      {props.setup.choices.path === 'own-server' ? (
        <>
          <p>{t('setup:path.ownServerNext')}</p>
          <OwnServerSettings saved={props.setup.choices.ownServer} onOpenVault={() => props.onNavigate('vault')} />
        </>
      ) : (
        <>
          <NewAccountWays />
          <SourceChoice
            value={kind}
            onChange={(next) => {
              setKind(next);
              setError(undefined);
            }}
          />
          {kind === 'vault' && <VaultKeySource itemId={itemId} onChange={setItemId} onError={setError} />}
          {kind === 'profile' && <ProfileSource profile={profile} onChange={(p) => setProfile(p?.name ?? '')} onError={setError} />}
          {kind === 'default' && <p className="muted source-panel">{t('sources.default.details')}</p>}
          <RegionSelect value={region} onChange={setRegion} />
          <div className="row verify-row">
            <button type="button" className="primary" disabled={!source || !region || verifying} onClick={() => void verify()} data-testid="aws-verify">
              {t('connect.verify')}
            </button>
            {verifying && (
              <span role="status" className="progress" data-testid="aws-verifying">
                <span className="spinner" aria-hidden="true" />
                {t('connect.verifying')}
              </span>
            )}
          </div>
          <div ref={outcome} className="outcome">
            {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
            {status?.identity && identityState && !verifying && <IdentityCard identity={status.identity} region={status.region} state={identityState} onNavigate={props.onNavigate} />}
          </div>
        </>
      )}
    </StepFrame>
  );
}

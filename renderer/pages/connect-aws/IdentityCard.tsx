import { useTranslation } from 'react-i18next';
import type { PageId } from '../../../common/contract/schemas/setup';
import { FirstAccessKeyHelp } from './FirstAccessKeyHelp';

export interface ShownIdentity {
  accountId: string;
  arn: string;
  isRoot: boolean;
}

/**
 * How main's connection relates to the last check on this page:
 * `verified` (the check just passed, or main holds a connection), `kept` (the
 * check failed, main still holds the connection it verified earlier),
 * `remembered` (no connection in this session; the identity last verified).
 */
export type IdentityState = 'verified' | 'kept' | 'remembered';

/** Who STS says the credentials belong to; a prominent warning when it is the root user. */
export function IdentityCard({ identity, region, state, onNavigate }: { identity: ShownIdentity; region?: string; state: IdentityState; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation('aws');
  return (
    <div className="identity" data-testid="aws-identity">
      {identity.isRoot && (
        <div className="banner banner-warn root-warning" role="alert" data-testid="aws-root-warning">
          <div>
            <strong className="root-title">⚠ {t('connect.rootTitle')}</strong>
            <p>{t('rootWarning')}</p>
            <FirstAccessKeyHelp />
            <button type="button" className="primary" onClick={() => onNavigate('secure-account')}>
              {t('connect.goToIam')}
            </button>
          </div>
        </div>
      )}
      <div className={`card identity-${state}`} data-testid="aws-identity-card" data-state={state}>
        <h2 className="identity-title">{state === 'verified' ? `✓ ${t('connect.verified')}` : t(`connect.${state}Title`)}</h2>
        {state !== 'verified' && <p className="muted">{t(`connect.${state}`)}</p>}
        <dl className="facts">
          <dt>{t('connect.accountId')}</dt>
          <dd className="mono" data-testid="aws-account-id">
            {identity.accountId}
          </dd>
          <dt>{t('connect.arn')}</dt>
          <dd className="mono wrap" data-testid="aws-arn">
            {identity.arn}
          </dd>
          {region && (
            <>
              <dt>{t('connect.region')}</dt>
              <dd className="mono">{region}</dd>
            </>
          )}
        </dl>
      </div>
    </div>
  );
}

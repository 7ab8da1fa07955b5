import { useTranslation } from 'react-i18next';
import type { PageId } from '../../../common/contract/schemas/setup';

export interface ShownIdentity {
  accountId: string;
  arn: string;
  isRoot: boolean;
}

/** Who STS says the credentials belong to; a prominent warning when it is the root user. */
export function IdentityCard({ identity, region, live, onNavigate }: { identity: ShownIdentity; region?: string; live: boolean; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation('aws');
  return (
    <div className="identity" data-testid="aws-identity">
      {identity.isRoot && (
        <div className="banner banner-warn root-warning" role="alert" data-testid="aws-root-warning">
          <div>
            <strong className="root-title">⚠ {t('connect.rootTitle')}</strong>
            <p>{t('rootWarning')}</p>
            <button type="button" className="primary" onClick={() => onNavigate('secure-account')}>
              {t('connect.goToIam')}
            </button>
          </div>
        </div>
      )}
      <div className="card">
        <h2 className="identity-title">{live ? `✓ ${t('connect.verified')}` : t('connect.rememberedTitle')}</h2>
        {!live && <p className="muted">{t('connect.remembered')}</p>}
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

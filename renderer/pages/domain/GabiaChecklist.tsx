/**
 * What to do at Gabia, step by step, with every value copyable: host `@`
 * (and `www`), type A, the server's address, a suggested TTL.
 */
import { useTranslation } from 'react-i18next';
import { isIdn } from '../../../common/dns/domain-name';
import { toUnicodeDomain } from '../../../common/dns/punycode';
import { api } from '../../bridge/api';
import { CopyValue } from './CopyValue';

export const SUGGESTED_TTL = 600;
const GABIA_URL = 'https://www.gabia.com/';

export function GabiaChecklist({ domain, www, ip }: { domain: string | undefined; www: boolean; ip: string | undefined }) {
  const { t } = useTranslation('dns');
  const hosts = www ? ['@', 'www'] : ['@'];
  return (
    <section className="card" aria-labelledby="gabia-title" data-testid="gabia-checklist">
      <h2 id="gabia-title">{t('gabia.title')}</h2>
      <ol className="checklist">
        <li>
          {t('gabia.buy')}{' '}
          <button type="button" className="link" onClick={() => void api.invoke['app.openExternal']({ url: GABIA_URL })}>
            {t('gabia.open')}
          </button>
          <p className="muted">{t('gabia.buyNote')}</p>
        </li>
        <li>
          {t('gabia.nameservers')}
          <p className="muted">{t('gabia.nameserversNote')}</p>
        </li>
        <li>
          {t('gabia.menu')}
          {domain && (
            <p>
              {t('gabia.pickDomain')} <CopyValue value={toUnicodeDomain(domain)} label={t('gabia.fields.domain')} />
              {isIdn(domain) && <span className="muted"> ({domain})</span>}
            </p>
          )}
        </li>
        <li>
          {t('gabia.addRecords', { count: hosts.length })}
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('gabia.fields.type')}</th>
                <th scope="col">{t('gabia.fields.host')}</th>
                <th scope="col">{t('gabia.fields.value')}</th>
                <th scope="col">{t('gabia.fields.ttl')}</th>
              </tr>
            </thead>
            <tbody>
              {hosts.map((host) => (
                <tr key={host} data-testid={`gabia-record-${host === '@' ? 'apex' : host}`}>
                  <td>
                    <CopyValue value="A" label={t('gabia.fields.type')} />
                  </td>
                  <td>
                    <CopyValue value={host} label={t('gabia.fields.host')} />
                  </td>
                  <td>{ip ? <CopyValue value={ip} label={t('gabia.fields.value')} /> : <span className="muted">{t('gabia.noIp')}</span>}</td>
                  <td>
                    <CopyValue value={String(SUGGESTED_TTL)} label={t('gabia.fields.ttl')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('gabia.ttlNote', { ttl: SUGGESTED_TTL })}</p>
        </li>
        <li>{t('gabia.removeOthers')}</li>
        <li>{t('gabia.save')}</li>
      </ol>
    </section>
  );
}

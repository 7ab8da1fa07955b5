/** One table per server asked: the authoritative nameservers first, then the public resolvers. */
import { useTranslation } from 'react-i18next';
import type { DnsReport, DnsRow } from '../../../common/contract/schemas/dns';

export function DnsResultTables({ report }: { report: DnsReport }) {
  const { t } = useTranslation('dns');
  const groups = new Map<string, DnsRow[]>();
  for (const row of report.rows) {
    const key = `${row.resolver.kind} ${row.resolver.label}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return (
    <div className="dns-tables">
      {[...groups].map(([key, rows]) => {
        const resolver = rows[0]?.resolver;
        if (!resolver) return null;
        const ok = rows.every((r) => r.problems.length === 0);
        return (
          <table key={key} className="dns-table" data-testid={`dns-table-${resolver.kind}`} data-resolver={resolver.label}>
            <caption>
              <span className={ok ? 'status-ok' : 'status-bad'} aria-hidden="true">
                {ok ? '✓' : '✗'}
              </span>{' '}
              {t(`table.kind.${resolver.kind}`)} <code>{resolver.label}</code>
              {resolver.label !== resolver.address && <span className="muted"> ({resolver.address})</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">A</th>
                <th scope="col">AAAA</th>
                <th scope="col">CAA</th>
                <th scope="col">{t('table.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} data-testid="dns-row" data-ok={row.problems.length === 0}>
                  <td>
                    <code>{row.name}</code>
                  </td>
                  <td>
                    {row.a.length ? row.a.join(', ') : '—'}
                    {row.aTtl !== undefined && <span className="muted"> ({t('table.ttl', { ttl: row.aTtl })})</span>}
                  </td>
                  <td>{row.aaaa.length ? row.aaaa.join(', ') : '—'}</td>
                  <td>
                    {t(`table.caa.${row.caa.state}`)}
                    {row.caa.records.length > 0 && <div className="muted mono">{row.caa.records.join(' · ')}</div>}
                  </td>
                  <td>{row.problems.length === 0 ? t('table.ok') : row.problems.map((p) => t(`problems.${p}.title`)).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { addRuleRequest } from '../../../common/contract/schemas/ec2';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { useLoad } from '../../bridge/use-load';

/** The security group's inbound rules: list, add, remove (a duplicate add is fine). */
export function RulesEditor() {
  const { t } = useTranslation('ec2');
  const rules = useLoad(() => api.invoke['ec2.rules']({}), 'rules');
  const [port, setPort] = useState('22');
  const [cidr, setCidr] = useState('');
  const [error, setError] = useState<ContractError>();
  const candidate = addRuleRequest.safeParse({ port: Number(port), cidr });
  const act = async (call: () => Promise<{ ok: boolean; error?: ContractError }>) => {
    const r = await call();
    setError(r.ok ? undefined : r.error);
    rules.reload();
  };
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('server.rules')}</h2>
      {rules.error && <ErrorBanner text={errorText(rules.error)} onDismiss={rules.reload} />}
      {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
      <table className="rules-table">
        <thead>
          <tr>
            <th scope="col">{t('server.port')}</th>
            <th scope="col">{t('server.source')}</th>
            <th scope="col">
              <span className="sr-only">{t('server.removeRule')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.value?.rules.map((rule) => (
            <tr key={rule.ruleId}>
              <td>{rule.port}</td>
              <td>
                <code>{rule.cidr}</code>
              </td>
              <td>
                <button type="button" onClick={() => void act(() => api.invoke['ec2.removeRule']({ ruleId: rule.ruleId }))}>
                  {t('server.removeRule')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (candidate.success) void act(() => api.invoke['ec2.addRule'](candidate.data));
        }}
      >
        <label htmlFor="rule-port">{t('server.port')}</label>
        <input id="rule-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} size={6} />
        <label htmlFor="rule-cidr">{t('server.source')}</label>
        <input id="rule-cidr" value={cidr} placeholder="203.0.113.7/32" onChange={(e) => setCidr(e.target.value.trim())} />
        <button type="submit" disabled={!candidate.success}>
          {t('server.addRule')}
        </button>
      </form>
    </section>
  );
}

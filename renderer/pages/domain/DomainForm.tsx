/**
 * The domain as typed (Unicode accepted, punycode shown), the "www too"
 * toggle, and the address the A record must hold: the Elastic IP or the own
 * server's IPv4 when there is one, else typed in here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIdn, isIpv4, parseDomain } from '../../../common/dns/domain-name';
import { toUnicodeDomain } from '../../../common/dns/punycode';
import type { DerivedFacts } from '../../../common/contract/schemas/journey';

type TargetSource = NonNullable<DerivedFacts['dnsTarget']>['source'];

export interface DomainChoice {
  domain: string;
  www: boolean;
  targetIp: string | undefined;
}

interface Props {
  initial: { domain: string; www: boolean; typedIp: string };
  /** The address from the setup (Elastic IP / own server), which the user can't change here. */
  fixedTarget: { ip: string; source: Exclude<TargetSource, 'typed'> } | undefined;
  saving: boolean;
  onSave(choice: DomainChoice): void;
}

export function DomainForm({ initial, fixedTarget, saving, onSave }: Props) {
  const { t } = useTranslation('dns');
  const [domain, setDomain] = useState(initial.domain);
  const [www, setWww] = useState(initial.www);
  const [typedIp, setTypedIp] = useState(initial.typedIp);
  const parsed = parseDomain(domain);
  const ipOk = fixedTarget !== undefined || isIpv4(typedIp.trim());
  const showDomainProblem = domain.trim() !== '' && !parsed.ok;

  return (
    <form
      className="card domain-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.ok && ipOk) onSave({ domain: parsed.ascii, www, targetIp: fixedTarget ? undefined : typedIp.trim() });
      }}
    >
      <div className="field">
        <label htmlFor="domain-input">{t('form.domain')}</label>
        <input
          id="domain-input"
          data-testid="domain-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder={t('form.domainPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showDomainProblem}
          aria-describedby="domain-hint"
        />
        <span id="domain-hint" className={showDomainProblem ? 'field-error' : 'muted'} data-testid="domain-hint">
          {showDomainProblem && !parsed.ok
            ? t(`domainProblems.${parsed.problem}`)
            : parsed.ok && isIdn(parsed.ascii)
              ? t('form.punycode', { ascii: parsed.ascii })
              : t('form.domainHint')}
        </span>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={www} onChange={(e) => setWww(e.target.checked)} data-testid="domain-www" />
        {/* eslint-disable-next-line no-restricted-syntax -- the label previews the name being typed, before main has it */}
        {t('form.www', { domain: parsed.ok ? `www.${toUnicodeDomain(parsed.ascii)}` : 'www' })}
      </label>
      {fixedTarget ? (
        <p className="muted" data-testid="domain-target">
          {t(`form.targetFrom.${fixedTarget.source}`, { ip: fixedTarget.ip })}
        </p>
      ) : (
        <div className="field">
          <label htmlFor="target-input">{t('form.target')}</label>
          <input id="target-input" data-testid="domain-target-input" value={typedIp} onChange={(e) => setTypedIp(e.target.value)} inputMode="decimal" placeholder="203.0.113.10" aria-describedby="target-hint" />
          <span id="target-hint" className={typedIp.trim() && !ipOk ? 'field-error' : 'muted'}>
            {typedIp.trim() && !ipOk ? t('form.targetInvalid') : t('form.targetHint')}
          </span>
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={!parsed.ok || !ipOk || saving} data-testid="domain-save">
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * Step 5, Domain: type the domain, follow the Gabia checklist, and watch the
 * live DNS check (authoritative nameservers, then public resolvers) until the
 * A record points at the server with no stray AAAA and no blocking CAA.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DnsCheckInput } from '../../../common/contract/schemas/dns';
import { toUnicodeDomain } from '../../../common/dns/punycode';
import { api } from '../../bridge/api';
import { useEvent } from '../../bridge/use-contract';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { DnsCheckPanel } from './DnsCheckPanel';
import { DomainForm, type DomainChoice } from './DomainForm';
import { GabiaChecklist } from './GabiaChecklist';
import { ResolverSettings } from './ResolverSettings';
import { useDnsRecheck } from './use-dns-recheck';
import '../../vault/vault.css';
import './domain.css';

export function DomainPage(props: PageProps) {
  const { setup, journey, onError } = props;
  const [saving, setSaving] = useState(false);
  const [resolvers, setResolvers] = useState<{ resolvers: string[]; custom: boolean }>();

  const loadResolvers = useCallback(() => {
    void api.invoke['dns.settings']({}).then((r) => (r.ok ? setResolvers(r.value) : onError(r.error)));
  }, [onError]);
  useEffect(loadResolvers, [loadResolvers]);
  useEvent('settings.changed', loadResolvers);

  const target = journey.derived.dnsTarget;
  const domain = setup.choices.domain;
  const www = setup.choices.www ?? false;
  const input = useMemo<DnsCheckInput | undefined>(
    () => (domain && target && resolvers ? { domain, www, expectedIpv4: target.ip, resolvers: resolvers.resolvers } : undefined),
    [domain, www, target?.ip, resolvers], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const recheck = useDnsRecheck(input);

  const save = async (choice: DomainChoice) => {
    setSaving(true);
    const r = await api.invoke['dns.saveDomain'](choice.targetIp ? choice : { domain: choice.domain, www: choice.www });
    setSaving(false);
    if (!r.ok) onError(r.error);
  };

  const fixedTarget = target && target.source !== 'typed' ? { ip: target.ip, source: target.source } : undefined;
  return (
    <StepFrame page="domain" {...props}>
      <DomainForm initial={{ domain: domain ? toUnicodeDomain(domain) : '', www, typedIp: setup.choices.domainTargetIp ?? '' }} fixedTarget={fixedTarget} saving={saving} onSave={(c) => void save(c)} />
      <GabiaChecklist domain={domain} www={www} ip={target?.ip} />
      {input && <DnsCheckPanel recheck={recheck} />}
      {resolvers && <ResolverSettings key={resolvers.resolvers.join(',')} resolvers={resolvers.resolvers} custom={resolvers.custom} onChanged={loadResolvers} onError={onError} />}
    </StepFrame>
  );
}

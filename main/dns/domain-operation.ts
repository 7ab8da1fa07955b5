/**
 * `domain.check`: the live DNS check as an operation, so the Domain page
 * shows it with the engine's progress component: the NS walk first, then
 * one tick per server that answered. Read-only, so re-running is always safe.
 */
import type { DnsService } from './dns-service';
import { defineOperation } from '../setup/operation';

export function domainCheckOperation(dns: Pick<DnsService, 'check'>) {
  return defineOperation({
    kind: 'domain.check',
    step: 'domain',
    run(input, { signal, progress }) {
      return dns.check(input, {
        signal,
        onProgress: ({ phase, done, total, server }) =>
          progress({
            phase: `dns:phases.${phase}`,
            fraction: phase === 'nameservers' ? null : total ? done / total : null,
            ...(server ? { message: { key: 'dns:progress.server', values: { server, done, total } } } : {}),
          }),
      });
    },
  });
}

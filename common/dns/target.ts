/**
 * Which IPv4 address the domain's A record must point at: the Elastic IP of
 * the guided setup (never on the own-server path), else the bring-your-own server's host when it is an IPv4
 * address, else the address the user typed on the Domain page.
 */
import type { SetupState } from '../contract/schemas/setup';
import { isIpv4 } from './domain-name';

export type TargetSource = 'elasticIp' | 'ownServer' | 'typed';

export function dnsTargetOf(setup: SetupState): { ip: string; source: TargetSource } | undefined {
  const eip = setup.resources.elasticIp;
  if (eip && isIpv4(eip) && setup.choices.path !== 'own-server') return { ip: eip, source: 'elasticIp' };
  const own = setup.choices.ownServer?.host;
  if (own && isIpv4(own)) return { ip: own, source: 'ownServer' };
  const typed = setup.choices.domainTargetIp;
  if (typed && isIpv4(typed)) return { ip: typed, source: 'typed' };
  return undefined;
}

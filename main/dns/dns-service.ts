/**
 * The DNS capability as the rest of main uses it: the environment (public
 * resolvers from the user's settings or the composition root's options, the
 * NS-walk resolver, timeouts), the live check, and saving the Domain step's
 * choices. The HTTPS step's preflight calls `check()` too.
 */
import { parseDomain } from '../../common/dns/domain-name';
import type { DnsCheckInput, DnsReport } from '../../common/contract/schemas/dns';
import type { SetupState } from '../../common/contract/schemas/setup';
import { AppError } from '../../common/errors';
import { checkDomain, defaultDnsEnvironment, type CheckHooks, type DnsEnvironment } from './check-domain';

export interface DnsServiceDeps {
  /** What the composition root was given (tests point it at a loopback server); defaults otherwise. */
  environment?: Partial<DnsEnvironment>;
  /** The user's resolver list from settings; empty or absent = the environment's. */
  userResolvers(): Promise<readonly string[] | undefined>;
  updateSetup(change: (state: SetupState) => SetupState): Promise<SetupState>;
}

export class DnsService {
  private readonly base: DnsEnvironment;

  constructor(private readonly deps: DnsServiceDeps) {
    this.base = { ...defaultDnsEnvironment, ...deps.environment };
  }

  async resolvers(): Promise<{ resolvers: string[]; custom: boolean }> {
    const user = await this.deps.userResolvers();
    if (user?.length) return { resolvers: [...user], custom: true };
    return { resolvers: [...this.base.publicResolvers], custom: false };
  }

  async check(input: DnsCheckInput, hooks: CheckHooks = {}): Promise<DnsReport> {
    const publicResolvers = input.resolvers ?? (await this.resolvers()).resolvers;
    return checkDomain(input, { ...this.base, publicResolvers }, hooks);
  }

  saveDomain({ domain, www, targetIp }: { domain: string; www: boolean; targetIp?: string | undefined }): Promise<SetupState> {
    const parsed = parseDomain(domain);
    if (!parsed.ok) throw new AppError('dns.invalidDomain', 'not a valid domain name', { problem: parsed.problem });
    return this.deps.updateSetup((state) => {
      const choices = { ...state.choices, domain: parsed.ascii, www };
      if (targetIp !== undefined) choices.domainTargetIp = targetIp;
      return { ...state, choices };
    });
  }
}

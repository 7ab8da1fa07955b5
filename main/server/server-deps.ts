/**
 * What the Web server and HTTPS steps need from the rest of main, injected by
 * the composition root (main/server/server-capability.ts builds the steps,
 * operations and handlers from it).
 */
import type { EventBus } from '../ipc/event-bus';
import type { SetupStateStore } from '../setup/state-store';
import type { KnownHosts } from '../ssh';
import type { DomainCheck } from './domain-check';
import type { FailureLedger } from './failure-ledger';
import type { SecurityGroupReader } from './https-preflight';
import type { RemoteSsh } from './remote';

export interface ServerStepDeps {
  setup: Pick<SetupStateStore, 'get' | 'update'>;
  ssh: RemoteSsh;
  knownHosts: Pick<KnownHosts, 'lookup'>;
  /** The Domain step's DNS check (main/dns); see domain-check.ts. */
  domainCheck: DomainCheck;
  /** Reads the instance's security groups (the EC2 capability); absent until it is wired. */
  securityGroups?: SecurityGroupReader;
  ledger: FailureLedger;
  /** Where the certificate watch reports (`server.watchChanged`); absent in tests that drive the steps alone. */
  events?: Pick<EventBus, 'emit'>;
  log?: (message: string, error: unknown) => void;
}

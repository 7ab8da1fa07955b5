import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';

import {
  profileOf,
  resolveCredentialProvider,
  type CredentialProvider,
  type CredentialSource,
  type CredentialSourceDeps,
} from './credential-source';
import { resolveDefaultRegion } from './default-region';

export interface CreateAwsClientsOptions {
  source: CredentialSource;
  deps: CredentialSourceDeps;
  /** The region the user chose in Onramp, if any. */
  region?: string | undefined;
  /** Region to use when neither the user, AWS_REGION nor the profile names one (see fallbackRegionForLocale). */
  fallbackRegion: string;
  /** Appended to the user agent as `onramp/<version>`. */
  appVersion?: string | undefined;
}

export interface AwsClients {
  readonly source: CredentialSource;
  /** The default region for this connection, already resolved. */
  readonly region: string;
  /** Profile whose settings apply (for messages like `aws sso login --profile X`); undefined = SDK default. */
  readonly profile: string | undefined;
  sts(): STSClient;
  ec2(region?: string): EC2Client;
  /** Closes every cached client's sockets. The factory must not be used afterwards. */
  destroy(): void;
}

const RETRY_MODE = 'standard';
const MAX_ATTEMPTS = 3;
const USER_AGENT_NAME = 'onramp';

interface SharedClientConfig {
  region: string;
  credentials: CredentialProvider;
  profile?: string;
  retryMode: string;
  maxAttempts: number;
  customUserAgent: [string, string][] | [string][];
}

/** One service's clients, keyed by region. */
class RegionalClientCache<T extends { destroy(): void }> {
  private readonly byRegion = new Map<string, T>();

  constructor(private readonly create: (region: string) => T) {}

  get(region: string): T {
    let client = this.byRegion.get(region);
    if (!client) {
      client = this.create(region);
      this.byRegion.set(region, client);
    }
    return client;
  }

  destroyAll(): void {
    for (const client of this.byRegion.values()) client.destroy();
    this.byRegion.clear();
  }
}

/**
 * Builds SDK v3 clients for one connection, each cached per service + region.
 * No endpoint is ever passed: the SDK resolves AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_<SERVICE> and `endpoint_url` in the profile by itself, so the
 * same code talks to AWS, LocalStack or moto unchanged.
 */
export async function createAwsClients(options: CreateAwsClientsOptions): Promise<AwsClients> {
  const profile = profileOf(options.source);
  const region = await resolveDefaultRegion({
    explicit: options.region,
    profile,
    fallback: options.fallbackRegion,
  });
  const credentials = resolveCredentialProvider(options.source, options.deps);
  const customUserAgent: SharedClientConfig['customUserAgent'] = options.appVersion
    ? [[USER_AGENT_NAME, options.appVersion]]
    : [[USER_AGENT_NAME]];

  const configFor = (clientRegion: string): SharedClientConfig => ({
    region: clientRegion,
    credentials,
    ...(profile === undefined ? {} : { profile }),
    retryMode: RETRY_MODE,
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent,
  });

  const stsClients = new RegionalClientCache((r) => new STSClient(configFor(r)));
  const ec2Clients = new RegionalClientCache((r) => new EC2Client(configFor(r)));

  return {
    source: options.source,
    region,
    profile,
    sts: () => stsClients.get(region),
    ec2: (ec2Region = region) => ec2Clients.get(ec2Region),
    destroy: () => {
      stsClients.destroyAll();
      ec2Clients.destroyAll();
    },
  };
}

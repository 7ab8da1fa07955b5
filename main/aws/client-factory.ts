/**
 * One generic way to get any AWS SDK v3 client with Onramp's shared settings:
 * the connection's credentials, the SDK's standard retries, an `onramp/<version>`
 * user agent, and no endpoint of our own (the SDK resolves AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_<SERVICE> and a profile's `endpoint_url` itself), so the same
 * code talks to AWS, LocalStack or moto unchanged.
 *
 *   clients.get(IAMClient)            // the connection's region (IAM: the SDK signs for the partition's global endpoint)
 *   clients.get(EC2Client, 'eu-west-1')
 *
 * Clients are cached per (client class, region). A cache belongs to one
 * credential generation: a new connection (or a switch of credentials) builds a
 * new AwsClients and destroys the old one, so a client never outlives the
 * credentials it was built with. A new service needs no edit here.
 */
import { STSClient } from '@aws-sdk/client-sts';
import { EC2Client } from '@aws-sdk/client-ec2';

import {
  profileOf,
  resolveCredentialProvider,
  type CredentialProvider,
  type CredentialSource,
  type CredentialSourceDeps,
} from './credential-source';
import { CheckInputsChanged } from '../setup/step';
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

/** The settings every client shares (a subset of every SDK v3 client's config). */
export interface SharedClientConfig {
  region: string;
  credentials: CredentialProvider;
  profile?: string;
  retryMode: string;
  maxAttempts: number;
  customUserAgent: [string, string][] | [string][];
}

/** What every SDK v3 client is, as far as the factory cares. */
export interface SdkClient {
  destroy(): void;
}

/** Any SDK v3 client class (IAMClient, EC2Client, SSMClient, STSClient, …). */
export type SdkClientClass<C extends SdkClient> = new (config: SharedClientConfig) => C;

export interface AwsClients {
  readonly source: CredentialSource;
  /** The default region for this connection, already resolved. */
  readonly region: string;
  /** Profile whose settings apply (for messages like `aws sso login --profile X`); undefined = SDK default. */
  readonly profile: string | undefined;
  /** A client of any service for `region` (default: the connection's region), cached per class and region. */
  get<C extends SdkClient>(clientClass: SdkClientClass<C>, region?: string): C;
  sts(): STSClient;
  ec2(region?: string): EC2Client;
  /** Closes every cached client's sockets. The factory must not be used afterwards. */
  destroy(): void;
}

const RETRY_MODE = 'standard';
const MAX_ATTEMPTS = 3;
const USER_AGENT_NAME = 'onramp';

export interface ClientCacheOptions {
  region: string;
  credentials: CredentialProvider;
  profile: string | undefined;
  appVersion?: string | undefined;
}

/** Builds and caches clients per (class, region) for one set of credentials. */
export class ClientCache {
  private readonly byClass = new Map<SdkClientClass<SdkClient>, Map<string, SdkClient>>();
  private destroyed = false;

  constructor(private readonly options: ClientCacheOptions) {}

  configFor(region: string): SharedClientConfig {
    const { credentials, profile, appVersion } = this.options;
    return {
      region,
      credentials,
      ...(profile === undefined ? {} : { profile }),
      retryMode: RETRY_MODE,
      maxAttempts: MAX_ATTEMPTS,
      customUserAgent: appVersion ? [[USER_AGENT_NAME, appVersion]] : [[USER_AGENT_NAME]],
    };
  }

  get<C extends SdkClient>(clientClass: SdkClientClass<C>, region: string = this.options.region): C {
    if (this.destroyed) throw new CheckInputsChanged('AWS clients were used after the connection was replaced');
    let byRegion = this.byClass.get(clientClass);
    if (!byRegion) {
      byRegion = new Map();
      this.byClass.set(clientClass, byRegion);
    }
    const cached = byRegion.get(region);
    if (cached) return cached as C;
    const client = new clientClass(this.configFor(region));
    byRegion.set(region, client);
    return client;
  }

  destroyAll(): void {
    this.destroyed = true;
    for (const byRegion of this.byClass.values()) for (const client of byRegion.values()) client.destroy();
    this.byClass.clear();
  }
}

export async function createAwsClients(options: CreateAwsClientsOptions): Promise<AwsClients> {
  const profile = profileOf(options.source);
  const region = await resolveDefaultRegion({
    explicit: options.region,
    profile,
    fallback: options.fallbackRegion,
  });
  const cache = new ClientCache({
    region,
    credentials: resolveCredentialProvider(options.source, options.deps),
    profile,
    appVersion: options.appVersion,
  });
  return {
    source: options.source,
    region,
    profile,
    get: (clientClass, clientRegion) => cache.get(clientClass, clientRegion),
    sts: () => cache.get(STSClient),
    ec2: (ec2Region) => cache.get(EC2Client, ec2Region),
    destroy: () => cache.destroyAll(),
  };
}

/**
 * The Free Tier API's GetAccountPlanState, through the SDK's own machinery:
 * no @aws-sdk/client-freetier exists on the registry Onramp installs from, so
 * this client does what a generated one does, with the SDK's parts only —
 * the endpoint resolved by @smithy/core's endpoint rules (AWS_ENDPOINT_URL_FREETIER,
 * then AWS_ENDPOINT_URL, then a profile's endpoint_url, exactly as every other
 * client), the request signed by @smithy/signature-v4 with the connection's
 * credential provider, and sent by @smithy/node-http-handler. No signing of ours.
 *
 * It has the shape the client factory builds (`new FreeTierClient(sharedConfig)`),
 * so `clients.get(FreeTierClient, 'us-east-1')` gives it the connection's
 * credentials and user agent, and tests can replace it like any client.
 */
import { Sha256 } from '@smithy/core/checksum';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { HttpRequest } from '@smithy/core/protocols';
import { toUtf8 } from '@smithy/core/serde';
import { NodeHttpHandler, streamCollector } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SdkClient, SharedClientConfig } from '../client-factory';

/** The API has one endpoint, in us-east-1, for the aws partition. */
export const FREE_TIER_REGION = 'us-east-1';
const DEFAULT_ENDPOINT = 'https://freetier.us-east-1.api.aws';
const SIGNING_NAME = 'freetier';
const TARGET_PREFIX = 'AWSFreeTierService';

export class GetAccountPlanStateCommand {
  readonly operation = 'GetAccountPlanState';
  readonly input: Record<string, never> = {};
}

export interface GetAccountPlanStateOutput {
  accountId?: string;
  accountPlanType?: string;
  accountPlanStatus?: string;
  accountPlanRemainingCredits?: { amount?: number; unit?: string };
  accountPlanExpirationDate?: Date;
}

/** An error as the SDK's own errors look: `name` is the service's code. */
export class FreeTierServiceError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  readonly $fault: 'client' | 'server';
  constructor(name: string, message: string, status: number, requestId: string | undefined) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}) };
  }
}

/** How long the API may take before the plan counts as unknown (it never blocks a page for long). */
const CONNECT_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export class FreeTierClient implements SdkClient {
  private readonly handler = new NodeHttpHandler({ connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS });
  private readonly signer: SignatureV4;

  constructor(private readonly config: SharedClientConfig) {
    this.signer = new SignatureV4({ credentials: config.credentials, region: FREE_TIER_REGION, service: SIGNING_NAME, sha256: Sha256 });
  }

  async send(command: GetAccountPlanStateCommand, options: { abortSignal?: AbortSignal } = {}): Promise<GetAccountPlanStateOutput> {
    const url = await this.endpoint();
    const body = JSON.stringify(command.input);
    const userAgent = this.config.customUserAgent.map((part) => part.join('/')).join(' ');
    const request = new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname.replace(/\/?$/, '/'),
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `${TARGET_PREFIX}.${command.operation}`,
        'x-amz-user-agent': userAgent,
      },
      body,
    });
    const signed = await this.signer.sign(request);
    const { response } = await this.handler.handle(new HttpRequest(signed), options.abortSignal ? { abortSignal: options.abortSignal } : {});
    const text = toUtf8(await streamCollector(response.body));
    const requestId = header(response.headers, 'x-amzn-requestid');
    if (response.statusCode < 200 || response.statusCode >= 300) throw errorOf(response.statusCode, response.headers, text, requestId);
    return parseOutput(text);
  }

  destroy(): void {
    this.handler.destroy();
  }

  /** The SDK's own resolution of a configured endpoint for the service id "FreeTier". */
  private async endpoint(): Promise<URL> {
    const resolved = await getEndpointFromInstructions(
      {},
      { getEndpointParameterInstructions: () => ({ Endpoint: { type: 'builtInParams', name: 'endpoint' }, Region: { type: 'builtInParams', name: 'region' } }) },
      {
        serviceId: 'FreeTier',
        region: FREE_TIER_REGION,
        isCustomEndpoint: false,
        endpointProvider: (params: { Endpoint?: string }) => ({ url: new URL(params.Endpoint ?? DEFAULT_ENDPOINT) }),
      },
    );
    return resolved.url;
  }
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

/** awsJson1_0 errors: the code in x-amzn-ErrorType or the body's __type (after any namespace `#`, before any `:`). */
function errorOf(status: number, headers: Record<string, string | undefined>, text: string, requestId: string | undefined): FreeTierServiceError {
  let bodyType: string | undefined;
  let message = '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      if (typeof record.__type === 'string') bodyType = record.__type;
      const m = record.message ?? record.Message;
      if (typeof m === 'string') message = m;
    }
  } catch {
    // Not JSON (a proxy's page, an endpoint without this API): the status names it.
  }
  const raw = header(headers, 'x-amzn-errortype') ?? bodyType ?? `Http${status}`;
  const code = (raw.split(':')[0] ?? raw).split('#').pop() ?? raw;
  return new FreeTierServiceError(code, message || code, status, requestId);
}

function parseOutput(text: string): GetAccountPlanStateOutput {
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (!parsed || typeof parsed !== 'object') return {};
  const r = parsed as Record<string, unknown>;
  const credits = r.accountPlanRemainingCredits;
  const out: GetAccountPlanStateOutput = {};
  if (typeof r.accountId === 'string') out.accountId = r.accountId;
  if (typeof r.accountPlanType === 'string') out.accountPlanType = r.accountPlanType;
  if (typeof r.accountPlanStatus === 'string') out.accountPlanStatus = r.accountPlanStatus;
  if (credits && typeof credits === 'object') {
    const c = credits as Record<string, unknown>;
    out.accountPlanRemainingCredits = {
      ...(typeof c.amount === 'number' ? { amount: c.amount } : {}),
      ...(typeof c.unit === 'string' ? { unit: c.unit } : {}),
    };
  }
  const date = timestamp(r.accountPlanExpirationDate);
  if (date) out.accountPlanExpirationDate = date;
  return out;
}

/** awsJson timestamps are epoch seconds; accept an ISO string too. */
function timestamp(value: unknown): Date | undefined {
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CannedResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface FakeAwsServer {
  /** e.g. http://127.0.0.1:41234 — suitable for AWS_ENDPOINT_URL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny real HTTP server on 127.0.0.1 that records every request and answers
 * with whatever `respond` returns. It speaks the wire protocol only as far as
 * the canned bodies do; it never validates signatures.
 */
export async function startFakeAwsServer(respond: (request: RecordedRequest) => CannedResponse): Promise<FakeAwsServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const answer = respond(recorded);
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'x-amzn-requestid': 'req-fake-0001' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake AWS server has no TCP address');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port that was free a moment ago and now has nothing listening: connecting gives ECONNREFUSED. */
export async function closedLocalUrl(): Promise<string> {
  const probe = await startFakeAwsServer(() => ({ status: 500, contentType: 'text/plain', body: '' }));
  await probe.close();
  return probe.url;
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function stsCallerIdentityResponse(identity: { arn: string; account: string; userId: string }): CannedResponse {
  return {
    status: 200,
    contentType: 'text/xml',
    body: `<GetCallerIdentityResponse xmlns="${STS_NS}">
  <GetCallerIdentityResult>
    <Arn>${identity.arn}</Arn>
    <UserId>${identity.userId}</UserId>
    <Account>${identity.account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>req-fake-0001</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`,
  };
}

export function stsErrorResponse(status: number, code: string, message: string): CannedResponse {
  return {
    status,
    contentType: 'text/xml',
    body: `<ErrorResponse xmlns="${STS_NS}">
  <Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>
  <RequestId>req-fake-0001</RequestId>
</ErrorResponse>`,
  };
}

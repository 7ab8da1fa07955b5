/** The user's app behind nginx: a small HTTP server on 127.0.0.1:<port> (8000 by default). */
import http from 'node:http';

export interface TestApp {
  readonly port: number;
  /** Host headers the app saw (proves nginx forwarded the request with the domain). */
  readonly hosts: string[];
  stop(): Promise<void>;
}

export async function startTestApp(port = 8000): Promise<TestApp> {
  const hosts: string[] = [];
  const server = http.createServer((request, response) => {
    hosts.push(String(request.headers.host));
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`hello from the app (proto ${String(request.headers['x-forwarded-proto'])})\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    hosts,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

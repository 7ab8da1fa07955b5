/**
 * The real `nginx -t` on a site file, without touching /etc/nginx: a wrapper
 * config under a temp prefix includes the site (RECIPES §2). Run as root (the
 * tests do), so `listen 80` may bind during the test.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../child-process';

export interface NginxSyntaxResult {
  ok: boolean;
  output: string;
  sitePath: string;
}

export async function nginxSyntaxCheck(siteName: string, config: string): Promise<NginxSyntaxResult> {
  const prefix = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-nginx-t-'));
  try {
    for (const dir of ['logs', 'tmp', 'sites']) await fs.mkdir(path.join(prefix, dir));
    await fs.writeFile(
      path.join(prefix, 'nginx.conf'),
      [
        'worker_processes 1;',
        'pid logs/nginx.pid;',
        'error_log logs/error.log;',
        'events { worker_connections 64; }',
        'http {',
        '    include /etc/nginx/mime.types;',
        '    access_log logs/access.log;',
        '    client_body_temp_path tmp/body;  proxy_temp_path tmp/proxy;  fastcgi_temp_path tmp/fastcgi;',
        '    uwsgi_temp_path tmp/uwsgi;       scgi_temp_path tmp/scgi;',
        '    include sites/*;',
        '}',
        '',
      ].join('\n'),
    );
    const sitePath = path.join(prefix, 'sites', siteName);
    await fs.writeFile(sitePath, config);
    const result = await run('/usr/sbin/nginx', ['-t', '-q', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')]);
    return { ok: result.code === 0, output: result.stderr + result.stdout, sitePath };
  } finally {
    await fs.rm(prefix, { recursive: true, force: true });
  }
}

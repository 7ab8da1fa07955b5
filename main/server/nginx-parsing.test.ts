import { describe, expect, it } from 'vitest';
import { defaultSiteConflict } from './default-site';
import { serverBlocks } from './nginx-directives';
import { configErrorOf, parseNginxTestOutput } from './nginx-test-output';
import { planSite } from './nginx-site';

const debianDefault = `##
# You should look at the following URL's
##
server {
\tlisten 80 default_server;
\tlisten [::]:80 default_server;
\troot /var/www/html;
\tindex index.html index.htm index.nginx-debian.html;
\tserver_name _;
\tlocation / {
\t\ttry_files $uri $uri/ =404;
\t}
}
# server {
#\tlisten 80;
#\tserver_name example.com;
# }
`;

describe('nginx -t output', () => {
  it('reads level, message, file and line from both line formats', () => {
    const output = [
      '2026/11/27 04:29:31 [emerg] 123#123: unknown directive "server_nam" in /etc/nginx/sites-enabled/example.com:3',
      'nginx: [warn] conflicting server name "example.com" on 0.0.0.0:80, ignored',
      'nginx: configuration file /etc/nginx/nginx.conf test failed',
    ].join('\n');
    expect(parseNginxTestOutput(output)).toEqual([
      { level: 'emerg', message: 'unknown directive "server_nam"', file: '/etc/nginx/sites-enabled/example.com', line: 3 },
      { level: 'warn', message: 'conflicting server name "example.com" on 0.0.0.0:80, ignored' },
    ]);
  });

  it('maps the error to the line of our config, with its text', () => {
    const config = 'server {\n    listen 80;\n    server_nam example.com;\n}\n';
    const output = 'nginx: [emerg] unknown directive "server_nam" in /etc/nginx/sites-enabled/example.com:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\n';
    expect(configErrorOf(output, ['/etc/nginx/sites-enabled/example.com'], config)).toEqual({
      message: 'unknown directive "server_nam"',
      line: 3,
      lineText: 'server_nam example.com;',
    });
  });

  it('names another file when the error is not in ours, and nothing when the test passed', () => {
    const output = 'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/other.conf:7\n';
    expect(configErrorOf(output, ['/etc/nginx/sites-enabled/a.com'], '')).toEqual({ message: 'unexpected "}"', file: '/etc/nginx/conf.d/other.conf', line: 7 });
    expect(configErrorOf('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n', [], '')).toBeUndefined();
  });
});

describe('server blocks', () => {
  it('reads server_name and listen, skipping comments and nested blocks', () => {
    expect(serverBlocks(debianDefault)).toEqual([{ names: ['_'], listens: [['80', 'default_server'], ['[::]:80', 'default_server']] }]);
    const ours = planSite({ domain: 'example.com', includeWww: true, staticDir: '/srv/app/static' }).config;
    expect(serverBlocks(ours)).toEqual([{ names: ['example.com', 'www.example.com'], listens: [['80']] }]);
  });

  it('reads nginx -T style output with http { server { … } }', () => {
    const text = '# configuration file /etc/nginx/nginx.conf:\nhttp {\n include x;\n server { listen 443 ssl; server_name a.com b.com; }\n}\n';
    expect(serverBlocks(text)).toEqual([{ names: ['a.com', 'b.com'], listens: [['443', 'ssl']] }]);
  });
});

describe('default site conflict', () => {
  const ours = planSite({ domain: 'example.com' });

  it("Debian's catch-all default does not conflict with a site that names its domain", () => {
    expect(defaultSiteConflict(debianDefault, ours.config, ours.names)).toEqual({ conflicts: false });
  });

  it('conflicts when the default site serves one of our names', () => {
    const edited = debianDefault.replace('server_name _;', 'server_name _ example.com;');
    expect(defaultSiteConflict(edited, ours.config, ours.names)).toEqual({ conflicts: true, reason: 'sameName', name: 'example.com' });
  });

  it('conflicts when both claim default_server on port 80', () => {
    const edited = ours.config.replace('listen 80;', 'listen 80 default_server;');
    expect(defaultSiteConflict(debianDefault, edited, ours.names)).toEqual({ conflicts: true, reason: 'duplicateDefaultServer', port: 80 });
  });
});

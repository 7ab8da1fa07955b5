/**
 * The starter, for someone with no code yet: a tiny app in the chosen runtime
 * whose page says the domain works, so the journey ends at their own site,
 * not at nginx's 502. No dependencies beyond what the plan installs anyway
 * (gunicorn for Python; nothing for Node or static). Files are uploaded as a
 * release like any other project, so "Deploy again" and rollback work on it.
 */
import type { Runtime } from './runtime-plan';

export interface StarterFile {
  path: string;
  content: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(domain: string, runtime: Runtime): string {
  const name = escapeHtml(domain);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>${name} works</h1>
<p>이 사이트는 Onramp가 배포한 ${runtime} 스타터예요. 이제 여러분의 코드를 배포하세요.</p>
<p>This site is the ${runtime} starter Onramp deployed. Deploy your own code next.</p>
</body>
</html>
`;
}

/** The starter's files for the runtime, with the domain in its page. */
export function starterFiles(runtime: Runtime, domain: string): StarterFile[] {
  const html = page(domain, runtime);
  switch (runtime) {
    case 'static':
      return [{ path: 'index.html', content: html }];
    case 'python':
      return [
        { path: 'requirements.txt', content: '# The starter needs nothing but gunicorn, which Onramp installs.\n' },
        {
          path: 'app.py',
          content: `PAGE = ${JSON.stringify(html)}.encode("utf-8")\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(PAGE)))])\n    return [PAGE]\n`,
        },
      ];
    case 'node':
      return [
        // No scripts and no dependencies: the plan runs `node server.js` and needs neither npm nor the registry.
        { path: 'package.json', content: `${JSON.stringify({ name: 'onramp-starter', private: true, main: 'server.js' }, null, 2)}\n` },
        {
          path: 'server.js',
          content: `const http = require('node:http');\nconst page = ${JSON.stringify(html)};\nconst port = Number(process.env.PORT || 8000);\nhttp\n  .createServer((req, res) => {\n    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });\n    res.end(page);\n  })\n  .listen(port, '127.0.0.1', () => console.log('starter listening on 127.0.0.1:' + port));\n`,
        },
      ];
  }
}

/**
 * The false answer found on real Ubuntu: right after the reload the old
 * workers still serve the default site (HTTP 200 "Welcome to nginx!"). The
 * answer only counts once it carries the site's own marker; and the static
 * folder is checked against the login user's home on the server.
 */
import { describe, expect, it } from 'vitest';
import { httpsRequest } from '../../common/contract/schemas/server';
import type { ExecResult } from '../ssh';
import { hardenSite } from './https-harden';
import type { RemoteShell } from './remote';
import { isOurAnswer, parseAnswer, siteAnswer } from './site-answer';
import { staticDirNotes } from './web-server-apply';

const ok = (stdout: string, code = 0): ExecResult => ({ code, signal: null, stdout, stderr: '', truncated: false });
const headers = (status: number, marker?: string) => `HTTP/1.1 ${status} OK\r\nServer: nginx\r\n${marker ? `X-Onramp-Site: ${marker}\r\n` : ''}\r\n\n${status}`;

function answering(answers: string[], home = '/home/ubuntu'): { remote: RemoteShell; asked: () => number } {
  let asked = 0;
  return {
    asked: () => asked,
    remote: {
      exec: (command) => {
        if (command.startsWith('curl ')) return Promise.resolve(ok(answers[Math.min(asked++, answers.length - 1)] ?? ''));
        if (command.startsWith('printf %s "$HOME"')) return Promise.resolve(ok(home));
        return Promise.resolve(ok('', 1)); // nothing listens on the app port
      },
      visible: () => Promise.reject(new Error('nothing is typed here')),
      upload: () => Promise.reject(new Error('no uploads here')),
    },
  };
}

describe('siteAnswer', () => {
  it('waits past the old workers\' default-site 200 for the answer that carries the marker', async () => {
    const { remote, asked } = answering([headers(200), headers(200), headers(502, 'a.com/123')]);
    const answer = await siteAnswer(remote, 'a.com', 8000, { marker: 'a.com/123', pauseMs: 1 });
    expect(answer).toEqual({ httpStatus: 502, explanation: { key: 'server:answer.appNotListening', values: { port: 8000 } } });
    expect(asked()).toBe(3);
    expect(isOurAnswer(answer)).toBe(true);
  });

  it('an answer that never carries the marker is not reported as the site\'s (bounded wait)', async () => {
    const { remote } = answering([headers(200)]);
    const started = Date.now();
    const answer = await siteAnswer(remote, 'a.com', 8000, { marker: 'a.com/123', waitMs: 200, pauseMs: 20 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(answer).toEqual({ httpStatus: 200, explanation: { key: 'server:answer.notOurSite', values: { status: 200 } } });
    expect(isOurAnswer(answer)).toBe(false);
    const stale = await siteAnswer(answering([headers(200, 'a.com/old')]).remote, 'a.com', 8000, { marker: 'a.com/new', waitMs: 0 });
    expect(stale.explanation).toEqual({ key: 'server:answer.oldSite', values: { status: 200 } });
  });

  it('reads curl\'s headers and status', () => {
    expect(parseAnswer(headers(301, 'x.com/abc'))).toEqual({ status: 301, marker: 'x.com/abc' });
    expect(parseAnswer('curl: (7) Failed to connect\n000')).toEqual({ status: 0 });
  });
});

describe('staticDirNotes', () => {
  it('/var/www and /srv need no note; the login user\'s home gets the www-data note; another user\'s home and system folders are refused', async () => {
    const { remote } = answering([], '/home/ubuntu');
    expect(await staticDirNotes(remote, '/var/www/site')).toEqual([]);
    expect(await staticDirNotes(remote, '/srv/static')).toEqual([]);
    expect(await staticDirNotes(remote, undefined)).toEqual([]);
    expect(await staticDirNotes(remote, '/home/ubuntu/app/static')).toEqual([{ key: 'server:webServer.staticDirHomeNote', values: { home: '/home/ubuntu', path: '/home/ubuntu/app/static' } }]);
    await expect(staticDirNotes(remote, '/home/alice/static')).rejects.toMatchObject({ code: 'server.staticDirNotYourHome', params: { home: '/home/ubuntu' } });
    await expect(staticDirNotes(remote, '/etc')).rejects.toMatchObject({ code: 'server.staticDirRefused' });
  });
});

describe('the HTTPS step leaves a hand-edited site alone', () => {
  it('hardenSite does not rewrite a config the user edited', async () => {
    const { remote, asked } = answering([]);
    const outcome = await hardenSite(httpsRequest.parse({ domain: 'a.com' }), { remote, host: '127.0.0.1', editedConfig: true }, { signal: new AbortController().signal, progress: () => undefined });
    expect(outcome).toEqual({ rewritten: false, reason: 'edited' });
    expect(asked()).toBe(0);
  });
});

/**
 * What nginx answers for the domain on the server itself, proven to come
 * from Onramp's site: the answer must carry the config's X-Onramp-Site marker
 * (nginx-site.ts). Right after a reload the old workers still serve the
 * previous configuration (often the default site's "Welcome to nginx!") for
 * a moment, so the check waits, bounded, for the marker; an answer without
 * it is reported as not coming from this site.
 */
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { SiteAnswer } from '../../common/contract/schemas/server';
import { nginxCommands as cmd } from './nginx-commands';
import { MARKER_HEADER } from './nginx-site';
import { holds, type RemoteShell } from './remote';

export interface AnswerOptions {
  /** The X-Onramp-Site value the answer must carry; undefined when an edited config dropped it. */
  marker?: string;
  scheme?: 'http' | 'https';
  /** How long to wait for the site's own answer (0: ask once). */
  waitMs?: number;
  pauseMs?: number;
}

interface Raw {
  status: number;
  marker?: string;
}

/** curl's `-D -` headers and the `%{http_code}` on the last line. */
export function parseAnswer(stdout: string): Raw {
  const lines = stdout.split(/\r?\n/);
  const status = Number.parseInt((lines.filter((line) => line.trim() !== '').at(-1) ?? '').trim(), 10) || 0;
  const prefix = `${MARKER_HEADER.toLowerCase()}:`;
  const header = lines.find((line) => line.toLowerCase().startsWith(prefix));
  const marker = header?.slice(prefix.length).trim();
  return { status, ...(marker ? { marker } : {}) };
}

export async function siteAnswer(remote: RemoteShell, domain: string, appPort: number, options: AnswerOptions = {}): Promise<SiteAnswer> {
  const scheme = options.scheme ?? 'http';
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  let raw: Raw = { status: 0 };
  for (;;) {
    const result = await remote.exec(cmd.answerFor(domain, scheme), { timeoutMs: 15_000, maxOutputBytes: 64 * 1024 });
    raw = parseAnswer(result.stdout);
    const ours = options.marker === undefined ? raw.status !== 0 && raw.status !== 404 : raw.marker === options.marker;
    if (ours || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 300));
  }
  return { httpStatus: raw.status, explanation: await explain(remote, raw, appPort, options.marker) };
}

async function explain(remote: RemoteShell, raw: Raw, appPort: number, marker: string | undefined): Promise<MessageRef | undefined> {
  const status = raw.status;
  if (status === 0) return { key: 'server:answer.nothing' };
  if (marker !== undefined && raw.marker !== marker) {
    return { key: raw.marker ? 'server:answer.oldSite' : 'server:answer.notOurSite', values: { status } };
  }
  if (status === 502) {
    const listening = await holds(remote, cmd.appListening(appPort));
    return { key: listening ? 'server:answer.badGatewayListening' : 'server:answer.appNotListening', values: { port: appPort } };
  }
  if (status === 504) return { key: 'server:answer.gatewayTimeout', values: { port: appPort } };
  if (status === 404) return { key: 'server:answer.notFound' };
  return undefined;
}

/** Whether the answer is this site's own (no explanation that it is someone else's). */
export function isOurAnswer(answer: SiteAnswer): boolean {
  const key = answer.explanation?.key;
  return answer.httpStatus !== 0 && key !== 'server:answer.notOurSite' && key !== 'server:answer.oldSite';
}

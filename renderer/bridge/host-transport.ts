/**
 * The Chromium (test host) side of the contract wire: a WebSocket to the host
 * that served this page, authenticated with the per-run token the host put in
 * the URL fragment. Only in the host build (`electron-vite build --mode host`
 * makes `#transport` this file); the packaged app's bundle does not contain it.
 *
 * Files: the host has no native dialog, so "Import a file…" opens the page's
 * own file picker; a picked or dropped file's bytes go to the host in one
 * `upload` message (at most MAX_IMPORT_BYTES), and main answers a one-time
 * token, exactly as Electron's preload gets one for a dropped file.
 */
import { buildApi } from '../../common/contract/build-api';
import type { ContractWire } from '../../common/contract/types';
import type { Result } from '../../common/contract/result';
import type { GrantFile, Transport } from './transport';
import { contractError } from '../../common/errors';

const TOKEN_KEY = 'onramp.hostToken';
const DISCONNECTED: Result<never> = { ok: false, error: contractError('contract.disconnected', 'Lost the connection to Onramp') };

function takeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The page's own file picker; resolves null when the user cancels. Must be called from a click. */
function pickFileInPage(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

type Pending = (result: Result<unknown>) => void;

export function createTransport(): Transport {
  const host = createHostWire();
  return { api: buildApi(host.wire), grantFile: host.grantFile, pickFile: pickFileInPage };
}

function createHostWire(): { wire: ContractWire; grantFile: GrantFile } {
  const token = takeToken();
  const url = `ws://${window.location.host}/contract?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const connect = () => {
    socket = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('host unreachable')), { once: true });
    });
    ready.catch(() => {});
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      if (typeof data.id === 'number' && data.result) {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      } else if (typeof data.event === 'string') {
        for (const listener of listeners) listener(data.event, data.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(DISCONNECTED);
      pending.clear();
    });
  };
  connect();

  /** Sends one message with a fresh id and resolves with the host's answer to it. */
  const request = async (body: object): Promise<Result<unknown>> => {
    if (socket.readyState === WebSocket.CLOSED) connect();
    try {
      await ready;
    } catch {
      return DISCONNECTED;
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, ...body }));
    });
  };

  return {
    wire: {
      invoke: (channel, req) => request({ channel, request: req }),
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    async grantFile(file) {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await request({ upload: { name: file.name, base64 } });
      if (!result.ok) return result;
      const value = result.value as { token?: unknown };
      return typeof value.token === 'string' ? { ok: true, value: { token: value.token } } : DISCONNECTED;
    },
  };
}

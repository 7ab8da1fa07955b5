/**
 * The Chromium (test host) side of the contract wire: a WebSocket to the host
 * that served this page, authenticated with the per-run token the host put in
 * the URL fragment. Only used when there is no Electron preload.
 */
import type { ContractWire } from '../../common/contract/types';
import type { Result } from '../../common/contract/result';

const TOKEN_KEY = 'onramp.hostToken';

function takeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Pending = (result: Result<unknown>) => void;

export function createHostWire(): ContractWire {
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
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'contract.disconnected', message: 'Lost the connection to Onramp' } });
      pending.clear();
    });
  };
  connect();

  return {
    async invoke(channel, request) {
      if (socket.readyState === WebSocket.CLOSED) connect();
      try {
        await ready;
      } catch {
        return { ok: false, error: { code: 'contract.disconnected', message: 'Lost the connection to Onramp' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, request }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The renderer's single entry to main. The transport is chosen at build time
 * (electron.vite.config.ts defines VITE_ONRAMP_TRANSPORT): the packaged app
 * talks only to Electron's preload (`window.onramp`); the test host's build
 * speaks the same typed API over a WebSocket. The Electron build's bundle
 * carries no WebSocket client: the host branch below is dead code there and
 * is dropped. Nothing else in the renderer knows which one it has.
 */
import { buildApi } from '../../common/contract/build-api';
import { createHostTransport } from './host-transport';
import type { Transport } from './transport';

function preloadTransport(): Transport {
  const api = window.onramp;
  const files = window.onrampFiles;
  if (!api || !files) throw new Error('Onramp must run inside its own window (the preload is missing).');
  return { api, grantFile: (file) => files.grant(file) };
}

function hostTransport(): Transport {
  const host = createHostTransport();
  return { api: buildApi(host.wire), grantFile: host.grantFile, pickFile: host.pickFile };
}

const transport: Transport = import.meta.env.VITE_ONRAMP_TRANSPORT === 'host' ? hostTransport() : preloadTransport();

export const api = transport.api;
export const grantFile = transport.grantFile;
export const pickFile = transport.pickFile;

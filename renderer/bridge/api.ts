/**
 * The renderer's single entry to main. Electron's preload provides
 * `window.onramp`; in plain Chromium (the test host) the same typed API is built
 * over a WebSocket. Nothing else in the renderer knows which one it has.
 */
import { buildApi } from '../../common/contract/build-api';
import type { OnrampApi } from '../../common/contract/types';
import { createHostWire } from './host-transport';

declare global {
  interface Window {
    onramp?: OnrampApi;
    onrampFiles?: { pathForFile(file: File): string };
  }
}

export const api: OnrampApi = window.onramp ?? buildApi(createHostWire());

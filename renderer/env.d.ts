interface ImportMetaEnv {
  /** Set by electron.vite.config.ts: 'electron' (the packaged app) or 'host' (the Chromium test host). */
  readonly VITE_ONRAMP_TRANSPORT?: 'electron' | 'host';
}

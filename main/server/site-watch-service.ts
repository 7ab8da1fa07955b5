/**
 * The watch's owner in main: keeps the last report, runs one check at a time
 * (a second Re-check while one runs gets the same), bounds it, and tells the
 * renderer through `server.watchChanged`. Started in the background at app
 * start (never awaited by start-up).
 */
import type { SiteWatchReport, SiteWatchState } from '../../common/contract/schemas/server';
import type { HandlersFor } from '../../common/contract/types';
import type { SetupStateStore } from '../setup/state-store';
import { watchSite, WATCH_TIMEOUT_MS, type WatchDeps } from './site-watch';

export interface SiteWatchService {
  state(): SiteWatchState;
  recheck(): Promise<SiteWatchState>;
  handlers: Pick<HandlersFor<'server'>, 'server.watch' | 'server.watchRecheck'>;
  dispose(): void;
}

export function createSiteWatch(deps: WatchDeps & { setup: Pick<SetupStateStore, 'get'>; changed?: (state: SiteWatchState) => void; log?: (message: string, error: unknown) => void }): SiteWatchService {
  let report: SiteWatchReport | null = null;
  let running: Promise<SiteWatchState> | undefined;
  const controller = new AbortController();
  const state = (): SiteWatchState => ({ report, running: running !== undefined });

  const run = async (): Promise<SiteWatchState> => {
    const bound = AbortSignal.any([controller.signal, AbortSignal.timeout(WATCH_TIMEOUT_MS)]);
    try {
      const next = await Promise.race([
        watchSite(await deps.setup.get(), deps, bound),
        new Promise<undefined>((resolve) => bound.addEventListener('abort', () => resolve(undefined), { once: true })),
      ]);
      if (next !== undefined || !bound.aborted) report = next ?? null;
    } catch (error) {
      deps.log?.('the certificate watch failed', error);
    }
    running = undefined;
    const done = state();
    deps.changed?.(done);
    return done;
  };

  const recheck = (): Promise<SiteWatchState> => {
    if (!running) {
      running = run();
      deps.changed?.(state());
    }
    return running;
  };

  return {
    state,
    recheck,
    handlers: {
      'server.watch': () => state(),
      'server.watchRecheck': () => recheck(),
    },
    dispose: () => controller.abort(),
  };
}

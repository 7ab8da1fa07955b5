/**
 * The App step's names, worked out once from the setup: the app's name, its
 * unit and system user (`onramp-<name>`), its folder (`/srv/<name>`), the port
 * nginx proxies to (the Web server form's), and the domain it answers for.
 */
import { APP_DEFAULT_NAME } from '../../common/contract/schemas/deploy';
import type { SetupState } from '../../common/contract/schemas/setup';
import { deriveFacts } from '../journey/derive';
import { appUnitName } from './systemd-unit';

export interface AppFacts {
  name: string;
  unit: string;
  baseDir: string;
  port: number;
  domain?: string;
  /** A static app's site root: nginx serves `current` itself. */
  siteRoot: string;
}

export function appFacts(setup: SetupState): AppFacts {
  const name = setup.choices.app?.name ?? APP_DEFAULT_NAME;
  const baseDir = `/srv/${name}`;
  const facts = deriveFacts(setup);
  return {
    name,
    unit: appUnitName(name),
    baseDir,
    port: facts.webServerForm.appPort,
    ...(facts.site ? { domain: facts.site.domain } : {}),
    siteRoot: `${baseDir}/current`,
  };
}

/** Where uploaded code waits on the server before it is copied into a release (resumable across runs). */
export function uploadStaging(name: string): string {
  return `/var/tmp/onramp-upload/${name}`;
}

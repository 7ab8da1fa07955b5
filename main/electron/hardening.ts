/**
 * App-wide refusals: no navigation away from the app, no new windows, no
 * permission grants, no webviews. Links go through main's allowlist.
 */
import { app, session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../security/external-links';

export function hardenApp(isAppUrl: (url: string) => boolean, openLink: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void openLink(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

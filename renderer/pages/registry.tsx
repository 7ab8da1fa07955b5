/**
 * Which component shows which page. A page without its own component is a
 * step not built yet, and says so.
 *
 * Every built page loads on demand (its own chunk), so the first screen does
 * not wait for the terminal (xterm and its addons) or any other page's code.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageId } from '../../common/contract/schemas/setup';
import { NotBuiltPage } from './NotBuiltPage';
import type { PageProps } from './page-props';



type Page = ComponentType<PageProps> | LazyExoticComponent<ComponentType<PageProps>>;

const pages: Partial<Record<PageId, Page>> = {
  settings: lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage }))),
  'connect-aws': lazy(() => import('./connect-aws/ConnectAwsPage').then((m) => ({ default: m.ConnectAwsPage }))),
  vault: lazy(() => import('./vault/VaultPage').then((m) => ({ default: m.VaultPage }))),
  connect: lazy(() => import('./connect/ConnectPage').then((m) => ({ default: m.ConnectPage }))),
  domain: lazy(() => import('./domain/DomainPage').then((m) => ({ default: m.DomainPage }))),
  'secure-account': lazy(() => import('./secure-account/SecureAccountPage').then((m) => ({ default: m.SecureAccountPage }))),
  'web-server': lazy(() => import('./web-server/WebServerPage').then((m) => ({ default: m.WebServerPage }))),
  app: lazy(() => import('./app/AppPage').then((m) => ({ default: m.AppPage }))),
  https: lazy(() => import('./https/HttpsPage').then((m) => ({ default: m.HttpsPage }))),
  'launch-server': lazy(() => import('./launch-server/LaunchServerPage').then((m) => ({ default: m.LaunchServerPage }))),
  'static-ip': lazy(() => import('./static-ip/StaticIpPage').then((m) => ({ default: m.StaticIpPage }))),
  done: lazy(() => import('./done/DonePage').then((m) => ({ default: m.DonePage }))),
};

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" data-testid="page-loading">
      {t('loading')}
    </p>
  );
}

export function PageView(props: PageProps) {
  const Page = pages[props.setup.currentPage] ?? NotBuiltPage;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page key={props.setup.currentPage} {...props} />
    </Suspense>
  );
}

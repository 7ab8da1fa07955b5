/**
 * Which component shows which page. A page without its own component is a
 * step not built yet, and says so.
 */
import type { ComponentType } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { PageId, SetupState } from '../../common/contract/schemas/setup';
import { NotBuiltPage } from './NotBuiltPage';
import { SettingsPage } from './SettingsPage';
import { ConnectAwsPage } from './connect-aws/ConnectAwsPage';
import { VaultPage } from './vault/VaultPage';
import { ConnectPage } from './connect/ConnectPage';
import { LaunchServerPage } from './launch-server/LaunchServerPage';
import { StaticIpPage } from './static-ip/StaticIpPage';
import { DonePage } from './done/DonePage';
import { SecureAccountPage } from './secure-account/SecureAccountPage';

export interface PageProps {
  setup: SetupState;
  onNavigate: (page: PageId) => void;
  onError: (error: ContractError) => void;
}

const pages: Partial<Record<PageId, ComponentType<PageProps>>> = {
  settings: SettingsPage,
  'connect-aws': ConnectAwsPage, // issue 3
  vault: VaultPage, // issue 3
  connect: ConnectPage, // issue 4
  'launch-server': LaunchServerPage,
  'static-ip': StaticIpPage,
  done: DonePage,
  'secure-account': SecureAccountPage, // issue 11
};

export function PageView(props: PageProps) {
  const Page = pages[props.setup.currentPage] ?? NotBuiltPage;
  return <Page key={props.setup.currentPage} {...props} />;
}

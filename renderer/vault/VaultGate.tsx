import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../app/ErrorBanner';
import { errorText } from '../i18n';
import type { UseVault, VaultView } from './use-vault';
import { VaultSetup } from './VaultSetup';
import { VaultUnlock } from './VaultUnlock';

/** Shows setup or unlock until the vault is open, then its children. */
export function VaultGate({ vault, children }: { vault: UseVault; children: (view: VaultView) => ReactNode }) {
  const { t } = useTranslation();
  const { view, error } = vault;
  if (!view) return error ? <ErrorBanner text={errorText(error)} /> : <p className="muted">{t('loading')}</p>;
  if (view.status.mode === 'uninitialized') return <VaultSetup vault={vault} status={view.status} />;
  if (view.status.locked) return <VaultUnlock vault={vault} status={view.status} />;
  return <>{children(view)}</>;
}

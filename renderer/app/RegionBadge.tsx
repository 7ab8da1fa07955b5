import { useTranslation } from 'react-i18next';

/** The AWS region in use, shown on every AWS screen (the guide insists on it). */
export function RegionBadge({ region, note }: { region: string | undefined; note?: string }) {
  const { t } = useTranslation('iam');
  if (!region) return null;
  return (
    <p className="region-badge" data-testid="region-badge">
      <span className="region-badge-label">{t('region')}</span> <code>{region}</code>
      {note && <span className="muted"> · {note}</span>}
    </p>
  );
}

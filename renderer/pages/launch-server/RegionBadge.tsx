import { useTranslation } from 'react-i18next';

/** The region every AWS screen works in, always visible (the guide insists). */
export function RegionBadge({ region }: { region: string | undefined }) {
  const { t } = useTranslation('ec2');
  if (!region) return null;
  return (
    <p className="region-badge" data-testid="region-badge">
      {t('region', { region })}
    </p>
  );
}

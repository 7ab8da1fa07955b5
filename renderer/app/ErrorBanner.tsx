import { useTranslation } from 'react-i18next';

export function ErrorBanner({ text, onDismiss }: { text: string; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <span>{text}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          {t('actions.close')}
        </button>
      )}
    </div>
  );
}

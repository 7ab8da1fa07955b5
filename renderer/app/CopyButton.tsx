import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a non-secret value the user sees (an IP, a DNS value); says "Copied" for a moment. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const area = document.createElement('textarea');
      area.value = value;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" onClick={() => void copy()} aria-label={label ? `${label}: ${t('actions.copy')}` : undefined}>
      {copied ? t('actions.copied') : (label ?? t('actions.copy'))}
      <span className="sr-only" role="status">
        {copied ? t('actions.copied') : ''}
      </span>
    </button>
  );
}

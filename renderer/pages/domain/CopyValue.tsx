import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Puts visible, non-secret text on the clipboard (the async clipboard, else the copy command). */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** A value shown in code with a copy button next to it. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('dns');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className="copy-value">
      <code data-testid={`copy-value-${label}`}>{value}</code>
      <button type="button" className="link" aria-label={t('copy.aria', { label, value })} onClick={() => void copyText(value).then(() => setCopied(true))}>
        {copied ? t('copy.copied') : t('copy.copy')}
      </button>
    </span>
  );
}

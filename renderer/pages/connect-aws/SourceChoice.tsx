import { useTranslation } from 'react-i18next';
import type { AwsSource } from '../../../common/contract/schemas/aws';

export type SourceKind = AwsSource['kind'];
const KINDS: SourceKind[] = ['vault', 'profile', 'default'];

/** Where the credentials come from: a radio group (arrow keys move between the choices). */
export function SourceChoice({ value, onChange }: { value: SourceKind; onChange: (kind: SourceKind) => void }) {
  const { t } = useTranslation('aws');
  return (
    <fieldset className="source-choice">
      <legend>{t('connect.sourceLegend')}</legend>
      {KINDS.map((kind) => (
        <label key={kind} className={`source-option${value === kind ? ' selected' : ''}`}>
          <input type="radio" name="aws-source" value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          <span>
            <strong>{t(`sources.${kind}.title`)}</strong>
            <span className="muted">{t(`sources.${kind}.body`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

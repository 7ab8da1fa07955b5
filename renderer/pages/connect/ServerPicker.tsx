import { useTranslation } from 'react-i18next';
import type { ServerChoice, ServerRef } from './servers';

/** Which server the terminal buttons act on: the setup's EC2 server or the user's own. */
export function ServerPicker({ choices, value, onChange, onOpenSettings }: {
  choices: ServerChoice[];
  value: ServerRef | undefined;
  onChange: (ref: ServerRef) => void;
  onOpenSettings: () => void;
}) {
  const { t } = useTranslation('ssh');
  return (
    <fieldset className="server-picker">
      <legend>{t('connect.serverLegend')}</legend>
      {choices.map(({ ref, server }) => (
        <label key={ref} className={`server-option${value === ref ? ' selected' : ''}${server ? '' : ' unavailable'}`} data-testid={`server-choice-${ref}`}>
          <input type="radio" name="server" value={ref} checked={value === ref} disabled={!server} onChange={() => onChange(ref)} />
          <span>
            <strong>{t(ref === 'setup' ? 'connect.setupServer' : 'connect.ownServer')}</strong>
            {server ? (
              <span className="mono">{ref === 'setup' ? t('connect.setupServerDetail', { server: server.label }) : server.label}</span>
            ) : (
              <span className="muted">{t(ref === 'setup' ? 'connect.setupServerMissing' : 'connect.ownServerMissing')}</span>
            )}
          </span>
          {ref === 'ownServer' && (
            <button type="button" className="link" onClick={onOpenSettings}>
              {t('connect.openSettings')}
            </button>
          )}
        </label>
      ))}
    </fieldset>
  );
}

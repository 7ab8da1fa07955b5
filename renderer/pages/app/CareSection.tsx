/**
 * Day-one server care: memory and swap, automatic security updates, the time
 * zone ("Apply" runs `app.care`), and when updates wait for a restart, a
 * notice with "Restart the server" (`app.reboot`, which waits for SSH).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../common/contract/schemas/deploy';
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import type { OperationState } from '../../operations/use-operation';
import { defaultTimeZone, formatBytes, platformTimeZones, timeZoneChoices } from './status-view';

export function CareSection({
  care,
  savedZone,
  op,
  reboot,
  busy,
  sessionId,
}: {
  care: AppStatus['care'];
  savedZone: string | undefined;
  op: OperationState<'app.care'>;
  reboot: OperationState<'app.reboot'>;
  busy: boolean;
  sessionId: string | undefined;
}) {
  const { t } = useTranslation('app');
  const platform = useMemo(() => platformTimeZones(), []);
  const choices = useMemo(() => timeZoneChoices(platform.all), [platform]);
  const [zone, setZone] = useState(() => defaultTimeZone(savedZone, platform.local, choices));
  // The facts come from the status, which is read again after every operation (care and reboot included).
  const rebootRequired = care?.rebootRequired === true && !reboot.running;
  const updates = care?.unattendedUpgrades;
  const swap = care?.swapBytes;
  return (
    <section className="card" aria-labelledby="app-care-title" data-testid="app-care">
      <h2 id="app-care-title">{t('page.care.title')}</h2>
      {care && (
        <ul className="app-care-facts">
          <li data-testid="app-care-memory">{t('page.care.memory', { memory: formatBytes(care.memoryBytes), swap: swap ? formatBytes(swap) : t('page.care.noSwap') })}</li>
          <li data-testid="app-care-updates" data-on={updates}>
            {t(updates ? 'page.care.updatesOn' : 'page.care.updatesOff')}
          </li>
        </ul>
      )}
      <div className="server-form">
        <div className="field">
          <label htmlFor="app-time-zone">{t('page.care.timeZone')}</label>
          <select id="app-time-zone" value={zone} disabled={busy} onChange={(e) => setZone(e.target.value)} data-testid="app-time-zone">
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="step-actions">
        <button type="button" disabled={busy || !sessionId} onClick={() => sessionId && void op.start({ sessionId, timeZone: zone })} aria-describedby="app-care-hint" data-testid="app-care-apply">
          {t('page.care.apply')}
        </button>
        <span id="app-care-hint" className="muted">
          {t('page.care.applyHint')}
        </span>
      </div>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      <OperationError op={op} />
      {op.result && !op.running && (
        <p className="status-ok" role="status" data-testid="app-care-applied">
          {t('page.care.applied', { swap: op.result.swapBytes ? formatBytes(op.result.swapBytes) : t('page.care.noSwap'), zone: op.result.timeZone })}
        </p>
      )}
      {rebootRequired && (
        <div className="notice" role="note" data-testid="app-reboot-required">
          <span>{t('page.care.rebootRequired')}</span>{' '}
          <button type="button" disabled={busy} onClick={() => void reboot.start({})} data-testid="app-reboot">
            {t('page.care.reboot')}
          </button>
        </div>
      )}
      <OperationProgress snapshot={reboot.snapshot} onCancel={() => void reboot.cancel()} />
      <OperationError op={reboot} />
      {reboot.result && !reboot.running && (
        <p className="status-ok" role="status">
          {t('page.care.rebooted', { seconds: Math.round(reboot.result.seconds) })}
        </p>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

interface Pending {
  enrollmentId: string;
  deviceName: string;
  qrDataUrl: string;
}

const CODE = /^\d{6}$/;

/**
 * Virtual MFA for the IAM user. The QR image (made in main) is shown while
 * the enrollment is pending and dropped after; the Base32 key is fetched from
 * main only when the user presses "Can't scan it?", and forgotten on hide,
 * enable, cancel or leaving the page (which also cancels the enrollment).
 */
export function UserMfa({ userName, hasMfa }: { userName: string | undefined; hasMfa: boolean }) {
  const { t } = useTranslation('iam');
  const [pending, setPending] = useState<Pending>();
  const [key, setKey] = useState<string>();
  const [codes, setCodes] = useState(['', '']);
  const [busy, setBusy] = useState(false);
  const [enabledHere, setEnabledHere] = useState(false);
  const done = enabledHere || hasMfa;
  const [error, setError] = useState<ContractError>();
  const pendingId = useRef<string>(undefined);
  useEffect(() => {
    pendingId.current = pending?.enrollmentId;
  }, [pending]);
  useEffect(
    () => () => {
      if (pendingId.current) void api.invoke['iam.mfaCancel']({ enrollmentId: pendingId.current });
    },
    [],
  );

  const call = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: ContractError }>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    const r = await work();
    setBusy(false);
    if (r.ok) return r.value;
    setError(r.error);
    return undefined;
  };
  const begin = async () => {
    const r = await call(() => api.invoke['iam.mfaBegin']({}));
    if (r?.status === 'already-enabled') setEnabledHere(true);
    if (r?.status === 'pending') setPending(r);
  };
  const finish = () => {
    setPending(undefined);
    setKey(undefined);
    setCodes(['', '']);
  };
  const reveal = async () => {
    if (!pending) return;
    const r = await call(() => api.invoke['iam.mfaRevealKey']({ enrollmentId: pending.enrollmentId }));
    if (r) setKey(r.key);
  };
  const enable = async () => {
    if (!pending) return;
    const [code1 = '', code2 = ''] = codes;
    const r = await call(() => api.invoke['iam.mfaEnable']({ enrollmentId: pending.enrollmentId, code1, code2 }));
    if (r) {
      finish();
      setEnabledHere(true);
    }
  };
  const cancel = async () => {
    if (!pending) return;
    await call(() => api.invoke['iam.mfaCancel']({ enrollmentId: pending.enrollmentId }));
    finish();
  };
  const codesValid = codes.every((c) => CODE.test(c)) && codes[0] !== codes[1];

  return (
    <section className="card iam-section" aria-labelledby="user-mfa-title" data-testid="user-mfa">
      <h2 id="user-mfa-title">{t('mfa.title')}</h2>
      {!userName && <p className="muted">{t('mfa.needUser')}</p>}
      {userName && done && (
        <p className="ok" role="status" data-testid="user-mfa-enabled">
          {t('mfa.enabled', { userName })}
        </p>
      )}
      {userName && !done && !pending && (
        <>
          <p>{t('mfa.intro')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void begin()} data-testid="mfa-start">
            {t('mfa.start')}
          </button>
        </>
      )}
      {pending && (
        <div className="mfa-enroll">
          <p className="muted">{t('mfa.deviceName', { name: pending.deviceName })}</p>
          <img className="mfa-qr" src={pending.qrDataUrl} alt={t('mfa.qrAlt')} width={240} height={240} data-testid="mfa-qr" />
          {key === undefined ? (
            <button type="button" className="link" onClick={() => void reveal()} data-testid="mfa-cant-scan">
              {t('mfa.cantScan')}
            </button>
          ) : (
            <div className="mfa-key">
              <span className="field-label">{t('mfa.keyLabel')}</span>
              <code className="mono wrap" data-testid="mfa-key">
                {key.match(/.{1,4}/g)?.join(' ')}
              </code>
              <button type="button" className="link" onClick={() => setKey(undefined)}>
                {t('mfa.hideKey')}
              </button>
            </div>
          )}
          <div className="row mfa-codes">
            {[0, 1].map((i) => (
              <div className="field" key={i}>
                <label htmlFor={`mfa-code-${i}`}>{t(i === 0 ? 'mfa.code1' : 'mfa.code2')}</label>
                <input
                  id={`mfa-code-${i}`}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={codes[i]}
                  aria-invalid={codes[i] !== '' && !CODE.test(codes[i] ?? '')}
                  onChange={(e) => setCodes((c) => c.map((v, j) => (j === i ? e.target.value.replace(/\D/g, '') : v)))}
                  data-testid={`mfa-code-${i + 1}`}
                />
              </div>
            ))}
          </div>
          <p className="muted">{t('mfa.codeHint')}</p>
          <div className="row">
            <button type="button" className="primary" disabled={!codesValid || busy} onClick={() => void enable()} data-testid="mfa-enable">
              {t('mfa.enable')}
            </button>
            <button type="button" disabled={busy} onClick={() => void cancel()} data-testid="mfa-cancel">
              {t('mfa.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
    </section>
  );
}

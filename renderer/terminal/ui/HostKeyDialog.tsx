import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostKeyPromptView } from '../../../common/contract/schemas/ssh';
import { hostKeyPrompts } from '../host-key-prompts';
import '../../app/dialog.css';
import '../../vault/vault.css'; // .row and the other shared layout rules

/**
 * "Is this really your server?": the key type, the SHA256 fingerprint and why
 * Onramp could not verify it by itself. Accept and Reject are both explicit:
 * focus starts on Reject, Escape rejects, and Enter does not accept.
 */
export function HostKeyDialog({ prompt }: { prompt: HostKeyPromptView }) {
  const { t } = useTranslation('ssh');
  const ref = useRef<HTMLDialogElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    rejectRef.current?.focus();
    return () => dialog?.close();
  }, [prompt.promptId]);
  const answer = (accept: boolean) => void hostKeyPrompts.answer(prompt.promptId, accept);
  const host = prompt.port === 22 ? prompt.host : `${prompt.host}:${prompt.port}`;
  return (
    <dialog
      ref={ref}
      className="dialog host-key-dialog"
      aria-labelledby={titleId}
      data-testid="host-key-prompt"
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      <h2 id={titleId}>{t('hostKeyPrompt.title')}</h2>
      <div className="dialog-body">
        <p>{t('hostKeyPrompt.server', { host })}</p>
        <p>{t(`hostKeyPrompt.reasons.${prompt.reason}`, { md5Fingerprint: prompt.md5Fingerprint ?? '' })}</p>
        <p className="fingerprint" data-testid="host-key-fingerprint">
          {t('hostKeyPrompt.fingerprint', { keyType: prompt.keyType, fingerprint: prompt.fingerprint })}
        </p>
        <p className="muted">{t('hostKeyPrompt.compare')}</p>
      </div>
      <div className="dialog-actions">
        <button ref={rejectRef} type="button" onClick={() => answer(false)}>
          {t('hostKeyPrompt.reject')}
        </button>
        <button type="button" className="primary" onClick={() => answer(true)}>
          {t('hostKeyPrompt.accept')}
        </button>
      </div>
    </dialog>
  );
}

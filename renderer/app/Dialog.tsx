import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './dialog.css';

export interface DialogProps {
  title: string;
  children?: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  danger?: boolean;
  busy?: boolean;
  submitDisabled?: boolean;
  testId?: string;
  /** Start on the confirm button even when there are fields (Enter confirms). */
  focusSubmit?: boolean;
}

/**
 * A modal dialog on the native <dialog>: focus stays inside, Escape closes it,
 * Enter submits its form. Focus starts on an element marked `data-autofocus`,
 * else the first field, else the confirm button (so Enter confirms).
 */
export function Dialog({ title, children, submitLabel, onSubmit, onClose, danger, busy, submitDisabled, testId, focusSubmit }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const target =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('input, select, textarea') ??
      dialog.querySelector<HTMLElement>('button[type="submit"]');
    target?.focus();
    return () => dialog.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && !submitDisabled) onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} aria-busy={busy || undefined}>
        <h2 id={titleId}>{title}</h2>
        {children && <div className="dialog-body">{children}</div>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button
            type="submit"
            className={danger ? 'danger' : 'primary'}
            disabled={busy || submitDisabled}
            data-autofocus={focusSubmit ? '' : undefined}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

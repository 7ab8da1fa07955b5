import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { SSH_USER_PATTERN, type SshServer } from '../../../common/contract/schemas/ssh';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

/**
 * After the server refused the login: the login name field of Settings → Your
 * own server, right here, focused, so the user can change it before retrying.
 * Saving stores it in the setup state (as Settings does) and then reconnects.
 */
export function LoginNameRetry({ server, onSaved, onCancel }: { server: SshServer; onSaved: (server: SshServer) => void; onCancel: () => void }) {
  const { t } = useTranslation('ssh');
  const [user, setUser] = useState(server.user);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<ContractError>();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = { ...server, user: user.trim() };
    if (!SSH_USER_PATTERN.test(next.user)) return setProblem(t('ownServer.invalidUser'));
    setProblem(undefined);
    setBusy(true);
    const r = await api.invoke['ssh.setOwnServer']({ server: next });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(next);
  };

  return (
    <form className="login-name-retry" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate data-testid="login-name-retry">
      <div className="field">
        <label htmlFor="retry-login-name">{t('ownServer.user')}</label>
        <input
          id="retry-login-name"
          ref={field}
          value={user}
          onChange={(e) => setUser(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'retry-login-name-problem' : 'retry-login-name-hint'}
        />
        {problem ? (
          <p id="retry-login-name-problem" className="field-error">
            {problem}
          </p>
        ) : (
          <span id="retry-login-name-hint" className="muted hint">
            {t('ownServer.userHint')}
          </span>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('terminal.saveAndRetry')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
      {error && <p className="status-error">{errorText(error)}</p>}
    </form>
  );
}

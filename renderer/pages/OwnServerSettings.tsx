import { useState, type FormEvent, type ReactNode } from 'react';
import { DEFAULT_SSH_USER } from '../../common/contract/constants';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import { SSH_HOST_PATTERN, SSH_USER_PATTERN } from '../../common/contract/constants';
import type { SshServer } from '../../common/contract/schemas/ssh';
import { api } from '../bridge/api';
import { errorText } from '../i18n';
import type { VaultItem } from '../../common/contract/schemas/vault';
import { useVault, type UseVault } from '../vault/use-vault';
import { serverLabel } from '../terminal/server-label';
import '../terminal/ui/terminal-ui.css';

/** Settings → "Your own server": host, port, login name and an SSH key from the vault, saved in the setup state. */
export function OwnServerSettings({ saved, onOpenVault }: { saved: SshServer | undefined; onOpenVault: () => void }) {
  const { t } = useTranslation('ssh');
  const vault = useVault();
  const [host, setHost] = useState(saved?.host ?? '');
  const [port, setPort] = useState(String(saved?.port ?? 22));
  const [user, setUser] = useState(saved?.user ?? DEFAULT_SSH_USER);
  const [keyId, setKeyId] = useState(saved?.keyId ?? '');
  const [message, setMessage] = useState<{ ok: true; text: string } | { ok: false; error: ContractError } | { ok: false; text: string }>();

  const save = async (server: SshServer | null) => {
    setMessage(undefined);
    const r = await api.invoke['ssh.setOwnServer']({ server });
    if (!r.ok) return setMessage({ ok: false, error: r.error });
    setMessage({ ok: true, text: server ? t('ownServer.saved', { server: serverLabel(server) }) : t('ownServer.removed') });
    if (!server) setHost('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const server = { host: host.trim(), port: Number(port), user: user.trim(), keyId };
    const problem = !SSH_HOST_PATTERN.test(server.host)
      ? 'ownServer.invalidHost'
      : !Number.isInteger(server.port) || server.port < 1 || server.port > 65535
        ? 'ownServer.invalidPort'
        : !SSH_USER_PATTERN.test(server.user)
          ? 'ownServer.invalidUser'
          : !server.keyId
            ? 'ownServer.chooseKey'
            : undefined;
    if (problem) return setMessage({ ok: false, text: t(problem) });
    void save(server);
  };

  return (
    <section className="card own-server" aria-labelledby="own-server-title" data-testid="own-server">
      <h2 id="own-server-title">{t('ownServer.title')}</h2>
      <p className="muted">{t('ownServer.description')}</p>
      <VaultKeys vault={vault} onOpenVault={onOpenVault}>
        {(keys) => (
          <form className="own-server-form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="own-host">{t('ownServer.host')}</label>
              <input id="own-host" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" spellCheck={false} />
            </div>
            <div className="field port-field">
              <label htmlFor="own-port">{t('ownServer.port')}</label>
              <input id="own-port" type="number" min={1} max={65535} value={port} onChange={(e) => setPort(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="own-user">{t('ownServer.user')}</label>
              <input id="own-user" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} />
              <span className="muted hint">{t('ownServer.userHint')}</span>
            </div>
            <div className="field">
              <label htmlFor="own-key">{t('ownServer.key')}</label>
              <select id="own-key" value={keyId} onChange={(e) => setKeyId(e.target.value)}>
                <option value="">{t('ownServer.chooseKey')}</option>
                {keys.map((key) => (
                  <option key={key.id} value={key.id}>
                    {key.label}
                    {key.kind === 'ssh-key' ? ` — ${key.fingerprint}` : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="button-row">
              <button type="submit" className="primary">
                {t('ownServer.save')}
              </button>
              {saved && (
                <button type="button" className="danger" onClick={() => void save(null)}>
                  {t('ownServer.remove')}
                </button>
              )}
            </div>
          </form>
        )}
      </VaultKeys>
      <div aria-live="polite">
        {message?.ok === true && <p className="status-ok">{message.text}</p>}
        {message?.ok === false && (
          <p className="status-error" role="alert">
            {'error' in message ? errorText(message.error) : message.text}
          </p>
        )}
      </div>
    </section>
  );
}

/** The vault's SSH keys once the vault is open; otherwise a pointer to the Vault page (setup and unlock live there). */
function VaultKeys({ vault, onOpenVault, children }: { vault: UseVault; onOpenVault: () => void; children: (keys: VaultItem[]) => ReactNode }) {
  const { t } = useTranslation('ssh');
  const { view, error } = vault;
  if (!view) return error ? <p className="status-error">{errorText(error)}</p> : <p className="muted">{t('common:loading')}</p>;
  if (view.status.mode === 'uninitialized' || view.status.locked) {
    return (
      <div className="notice">
        <span>{t('ownServer.vaultClosed')}</span>{' '}
        <button type="button" className="link" onClick={onOpenVault}>
          {t('ownServer.openVault')}
        </button>
      </div>
    );
  }
  const keys = view.items.filter((item) => item.kind === 'ssh-key');
  return keys.length === 0 ? <p className="notice">{t('ownServer.noKeys')}</p> : <>{children(keys)}</>;
}

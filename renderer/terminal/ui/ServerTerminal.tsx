/**
 * The visible terminal of the Web server and HTTPS pages: which server, a
 * button to open a terminal to it (the Connect page's tabs, reused), and the
 * terminal itself. Operations type their commands into the open tab, whose
 * session id `useStepTerminal` hands to the page.
 */
import { useTranslation } from 'react-i18next';
import type { JourneyModel } from '../../../common/contract/schemas/journey';
import { useHostKeyPrompt } from '../host-key-prompts';
import { terminals, useTerminals } from '../terminal-store';
import { installTerminalTestHook } from '../test-hook';
import { HostKeyDialog } from './HostKeyDialog';
import { TerminalArea } from './TerminalArea';
import './terminal-ui.css';
import { stepServerChoice } from './step-server';

installTerminalTestHook();

/** The session id of an open terminal to the step's server, if any. */
export function useStepTerminal(journey: JourneyModel): string | undefined {
  const view = useTerminals();
  const choice = stepServerChoice(journey);
  if (!choice) return undefined;
  const open = view.tabs.filter((tab) => tab.target === choice.ref && tab.status === 'open' && tab.sessionId);
  const active = open.find((tab) => tab.id === view.activeId) ?? open[0];
  return active?.sessionId;
}

export function ServerTerminal({ journey, onOpenSettings }: { journey: JourneyModel; onOpenSettings: () => void }) {
  const { t } = useTranslation('server');
  const choice = stepServerChoice(journey);
  const sessionId = useStepTerminal(journey);
  const prompt = useHostKeyPrompt();
  if (!choice) {
    return (
      <div className="notice">
        <span>{t('page.noServer')}</span>{' '}
        <button type="button" className="link" onClick={onOpenSettings}>
          {t('page.openSettings')}
        </button>
      </div>
    );
  }
  const label = choice.label;
  const serverOf = () => ({ host: choice.host, port: choice.port });
  return (
    <section className="card server-terminal" aria-label={t('page.server', { server: label })}>
      <p>
        <strong>{t('page.server', { server: label })}</strong>
      </p>
      {sessionId ? (
        <p className="muted" data-testid="terminal-ready">
          {t('page.terminalOpen')}
        </p>
      ) : (
        <div className="button-row">
          <span className="muted">{t('page.terminalNeeded')}</span>
          <button type="button" onClick={() => terminals.open(choice.ref, label)} data-testid="open-step-terminal">
            {t('page.openTerminal')}
          </button>
        </div>
      )}
      <TerminalArea serverOf={serverOf} ownServer={journey.setup.choices.ownServer} />
      {prompt && <HostKeyDialog key={prompt.promptId} prompt={prompt} />}
    </section>
  );
}

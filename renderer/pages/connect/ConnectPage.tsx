import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshTargetRef } from '../../../common/contract/schemas/ssh';
import { useHostKeyPrompt } from '../../terminal/host-key-prompts';
import { terminals } from '../../terminal/terminal-store';
import { installTerminalTestHook } from '../../terminal/test-hook';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import '../../terminal/ui/terminal-ui.css';
import { HostKeyDialog } from '../../terminal/ui/HostKeyDialog';
import { KeyActions } from './KeyActions';
import { serverChoices, type ServerRef } from './servers';
import { ServerPicker } from './ServerPicker';
import { TerminalArea } from '../../terminal/ui/TerminalArea';

installTerminalTestHook();

/** Step 6: open terminals to the server (the setup's EC2 instance or the user's own), with verified host keys. */
export function ConnectPage(props: PageProps) {
  const { t } = useTranslation('ssh');
  const choices = serverChoices(props.journey);
  const available = choices.filter((choice) => choice.server);
  const [picked, setPicked] = useState<ServerRef>();
  const current = choices.find((choice) => choice.ref === picked && choice.server) ?? available[0];
  const prompt = useHostKeyPrompt();
  // A server that no longer exists (torn down, removed from Settings) keeps no tab.
  const availableRefs = available.map((choice) => choice.ref).join(',');
  useEffect(() => terminals.closeGone(availableRefs.split(',')), [availableRefs]);
  const serverOf = (target: SshTargetRef) =>
    typeof target === 'string' ? choices.find((choice) => choice.ref === target)?.server : { host: target.host, port: target.port ?? 22 };

  const openTerminal = () => {
    if (current?.server) terminals.open(current.ref, current.server.label);
  };

  return (
    <StepFrame page="connect" {...props}>
      <ServerPicker choices={choices} value={current?.ref} onChange={setPicked} onOpenSettings={() => props.onNavigate('settings')} />
      {current ? (
        <KeyActions key={current.ref} target={current.ref} keyId={current.keyId}>
          <button type="button" className="primary" onClick={openTerminal} data-testid="open-terminal">
            {t('connect.openTerminal')}
          </button>
        </KeyActions>
      ) : (
        <p className="notice">{t('connect.noServer')}</p>
      )}
      <TerminalArea serverOf={serverOf} ownServer={props.journey.setup.choices.ownServer} />
      {prompt && <HostKeyDialog key={prompt.promptId} prompt={prompt} />}
    </StepFrame>
  );
}

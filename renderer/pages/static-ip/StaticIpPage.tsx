import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyStore } from '../../journey/journey-store';
import { CopyButton } from '../../app/CopyButton';
import { ErrorBanner } from '../../app/ErrorBanner';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import { RegionBadge } from '../../app/RegionBadge';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { RulesEditor } from './RulesEditor';
import { SshSourceEditor } from '../../ec2/SshSourceEditor';
import '../../styles/ec2-pages.css';

/** Step 4: the server's Elastic IP, with copy, its cost, (re)attach, and the firewall rules. */
export function StaticIpPage(props: PageProps) {
  const { t } = useTranslation('ec2');
  const op = useOperation('static-ip.attach');
  // What AWS holds comes from the journey model; opening the page reads it again (it may have changed outside Onramp).
  useEffect(() => void journeyStore.refresh(), []);
  const server = props.journey.resources.server;
  const ip = server?.elasticIp;
  const [rulesVersion, setRulesVersion] = useState(0);
  const attached = server?.attached === true;
  return (
    <StepFrame page="static-ip" {...props}>
      <RegionBadge region={props.journey.derived.region} />
      {ip && (
        <div className="card row" data-testid="elastic-ip">
          <span>
            {t('server.ip')}: <code>{ip}</code>
          </span>
          <CopyButton value={ip} label={t('server.copyIp')} />
        </div>
      )}
      <p className="muted">{t('server.eipCost')}</p>
      <div className="row">
        {attached && !op.running ? (
          <p className="status-ok" data-testid="eip-attached">
            {t('server.attached')}
          </p>
        ) : (
          <button type="button" className="primary" disabled={op.running} onClick={() => void op.start({})} data-testid="attach-eip">
            {t('server.attach')}
          </button>
        )}
      </div>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && <ErrorBanner text={errorText(op.error)} />}
      {server?.instanceId && <SshSourceEditor saved={props.setup.choices.launch?.ssh} onChanged={() => setRulesVersion((v) => v + 1)} />}
      {server?.instanceId && <RulesEditor key={rulesVersion} />}
    </StepFrame>
  );
}

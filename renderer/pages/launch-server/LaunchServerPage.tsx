import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyStore } from '../../journey/journey-store';
import { DEFAULT_UBUNTU, UBUNTU_CHOICES } from '../../../common/contract/constants';
import { launchChoices, type LaunchChoices } from '../../../common/contract/schemas/ec2';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { CostGuardSection } from './CostGuardSection';
import { InstanceTypePicker } from './InstanceTypePicker';
import { PlanNotice } from '../../ec2/PlanNotice';
import { KeyPairField } from './KeyPairField';
import { RegionBadge } from '../../app/RegionBadge';
import { RegionPicker } from './RegionPicker';
import { SshSourceField } from '../../ec2/SshSourceField';
import { useLoad } from '../../bridge/use-load';
import { SshRevokedNote } from '../../ec2/SshSourceEditor';
import '../../styles/ec2-pages.css';

function defaults(saved: LaunchChoices | undefined): LaunchChoices {
  return (
    saved ?? {
      name: 'onramp',
      ubuntu: DEFAULT_UBUNTU,
      instanceType: '',
      keyPair: { name: 'onramp-key', type: 'ed25519', format: 'pem' },
      ssh: { from: 'myIp', ip: '' },
      volumeGiB: 16,
    }
  );
}

/** Step 3: region, Ubuntu, instance type with cost, key pair into the vault, firewall, storage, then Launch. */
export function LaunchServerPage(props: PageProps) {
  const { t } = useTranslation('ec2');
  const { journey } = props;
  const region = journey.derived.region;
  // What AWS holds comes from the journey model; opening the page reads it again (it may have changed outside Onramp).
  useEffect(() => void journeyStore.refresh(), []);
  const server = journey.resources.server;
  // "Continue the launch" only while a launch is unfinished: interrupted, or an instance without its attached Elastic IP.
  const launchStatus = journey.steps.find((s) => s.step === 'launch-server');
  const unfinished = launchStatus?.interrupted !== undefined || (server?.instanceId !== undefined && !server.attached);
  const [form, setForm] = useState<LaunchChoices>(() => defaults(props.setup.choices.launch));
  const types = useLoad(() => api.invoke['ec2.instanceTypes']({ region: region ?? '' }), region ?? '');
  const op = useOperation('launch-server.launch');
  // Only a listed type (on the Free plan: an eligible one) is ever launched; a saved choice that is not listed falls back to the first.
  const listed = types.value?.types;
  const chosenType = listed ? (listed.some((x) => x.instanceType === form.instanceType) ? form.instanceType : (listed[0]?.instanceType ?? '')) : form.instanceType;
  const candidate = { ...form, instanceType: chosenType };
  const valid = launchChoices.safeParse(candidate);
  const launched = launchStatus?.state === 'done';
  const attached = journey.steps.find((s) => s.step === 'static-ip')?.state === 'done';
  // Finished: both checks pass and nothing was left interrupted (that keeps saying where it stopped).
  const complete = launched && attached && !op.running && launchStatus?.interrupted === undefined;
  // What the Launch button still waits for, said next to it (a disabled button alone tells nothing).
  const fields = valid.success ? [] : valid.error.issues.map((issue) => String(issue.path[0]));
  const needs = [...(region ? [] : ['region']), ...['name', 'instanceType', 'keyPair', 'ssh', 'volumeGiB'].filter((field) => fields.includes(field))];
  const set = (patch: Partial<LaunchChoices>) => setForm((f) => ({ ...f, ...patch }));
  const setName = (name: string) => setForm((f) => ({ ...f, name, keyPair: f.keyPair.name === `${f.name}-key` ? { ...f.keyPair, name: `${name}-key` } : f.keyPair }));

  return (
    <StepFrame page="launch-server" {...props}>
      <RegionBadge region={region} />
      {!region && <p className="notice">{t('check.connectFirst')}</p>}
      <RegionPicker region={region} source={props.setup.choices.awsSource} />
      <form
        className="launch-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid.success) void op.start(valid.data);
        }}
      >
        <div className="field">
          <label htmlFor="server-name">{t('form.name')}</label>
          <input id="server-name" value={form.name} onChange={(e) => setName(e.target.value)} aria-describedby="server-name-help" />
          <p id="server-name-help" className="muted hint">
            {t('form.nameHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="ubuntu">{t('form.ubuntu')}</label>
          <select id="ubuntu" value={form.ubuntu} onChange={(e) => set({ ubuntu: UBUNTU_CHOICES.find((v) => v === e.target.value) ?? DEFAULT_UBUNTU })} aria-describedby="ubuntu-help">
            <option value="26.04">{t('form.ubuntu2604')}</option>
            <option value="24.04">{t('form.ubuntu2404')}</option>
            <option value="22.04">{t('form.ubuntu2204')}</option>
          </select>
          <p id="ubuntu-help" className="muted hint">
            {t('form.ubuntuDefaultWhy')}
          </p>
        </div>
        {types.loading && <p className="muted">{t('form.typeLoading')}</p>}
        {types.error && <ErrorBanner text={errorText(types.error)} onDismiss={types.reload} />}
        {types.value && <PlanNotice plan={types.value.plan} />}
        {types.value && <InstanceTypePicker types={types.value.types} plan={types.value.plan} volumeGiB={form.volumeGiB} value={chosenType} onChange={(instanceType) => set({ instanceType })} />}
        <KeyPairField value={form.keyPair} onChange={(keyPair) => set({ keyPair })} region={region} />
        <SshSourceField value={form.ssh} onChange={(ssh) => set({ ssh })} />
        <div className="field">
          <label htmlFor="storage">{t('form.storage')}</label>
          <input id="storage" type="number" min={8} max={1024} value={form.volumeGiB} onChange={(e) => set({ volumeGiB: Number(e.target.value) })} aria-describedby="storage-note" />
          <p id="storage-note" className="muted hint">
            {t('form.storageNote')}
          </p>
        </div>
        <div className="row">
          {complete ? (
            <p className="status-ok" data-testid="launch-complete">
              {t('form.launchComplete')}
            </p>
          ) : (
            <button type="submit" className="primary" disabled={!valid.success || op.running || !region} data-testid="launch" aria-describedby={needs.length > 0 ? 'launch-needs' : undefined}>
              {unfinished ? t('form.relaunch') : t('form.launch')}
            </button>
          )}
          {!complete && needs.length > 0 && (
            <p id="launch-needs" className="muted" data-testid="launch-needs">
              {t('form.launchNeeds', { items: needs.map((need) => t(`form.needs.${need}`)).join(', ') })}
            </p>
          )}
        </div>
      </form>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && <ErrorBanner text={errorText(op.error)} />}
      {region && <CostGuardSection plan={types.value?.plan} />}
      {server && (
        <div className="card" data-testid="launch-result">
          <strong>{t('server.title')}</strong>
          <p>
            {server.instanceId && (
              <>
                {t('server.instance')}: <code>{server.instanceId}</code>
              </>
            )}
            {server.instanceId && server.elasticIp && ' · '}
            {server.elasticIp && (
              <>
                {t('server.ip')}: <code>{server.elasticIp}</code>
              </>
            )}
          </p>
          {op.result?.sshRevoked && op.result.sshRevoked.length > 0 && <SshRevokedNote revoked={op.result.sshRevoked} />}
        </div>
      )}
    </StepFrame>
  );
}

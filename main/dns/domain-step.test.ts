/**
 * The Domain step's check() and the `domain.check` operation, through the
 * real DnsService against Knot on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsService } from './dns-service';
import { startKnot, type DnsServerFixture } from '../testing/dns/knot-fixture';
import { EXPECTED_IP, IDN_ASCII, IDN_NAME, testZones } from '../testing/dns/test-zones';
import { freshSetupState } from '../setup/state-store';
import type { ProgressUpdate } from '../setup/operation';
import type { SetupState } from '../../common/contract/schemas/setup';
import { domainStep } from './domain-step';
import { domainCheckOperation } from './domain-operation';

let knot: DnsServerFixture;
let dns: DnsService;
let state: SetupState;

beforeAll(async () => {
  knot = await startKnot(testZones());
  state = freshSetupState();
  dns = new DnsService({
    environment: { publicResolvers: [knot.address], nsLookupServers: [knot.address], nameserverPort: knot.port, timeoutMs: 1000, tries: 1 },
    userResolvers: async () => undefined,
    updateSetup: async (change) => (state = change(state)),
  });
});
afterAll(async () => {
  await knot?.stop();
});

const signal = new AbortController().signal;
const withChoices = (choices: Partial<SetupState['choices']>, elasticIp?: string): SetupState => ({
  ...state,
  choices: { ...state.choices, ...choices },
  resources: elasticIp ? { elasticIp } : {},
});

describe('domain step', () => {
  it('is not done without a domain, or without an address to point at', async () => {
    const step = domainStep(dns);
    expect(await step.check({ setup: withChoices({}), signal })).toEqual({ done: false, detail: { key: 'dns:step.noDomain' } });
    expect(await step.check({ setup: withChoices({ domain: 'match.onramp.test' }), signal })).toEqual({ done: false, detail: { key: 'dns:step.noTarget' } });
  });

  it('is done when the domain and www point at the Elastic IP', async () => {
    const result = await domainStep(dns).check({ setup: withChoices({ domain: 'match.onramp.test', www: true }, EXPECTED_IP), signal });
    expect(result).toEqual({ done: true, detail: { key: 'dns:step.pass', values: { domain: 'match.onramp.test', ip: EXPECTED_IP } } });
  });

  it('uses the own server host, else the typed address, and names the first problem', async () => {
    const own = withChoices({ domain: 'mismatch.onramp.test', ownServer: { host: EXPECTED_IP, port: 22, user: 'ubuntu', keyId: 'k' } });
    const result = await domainStep(dns).check({ setup: own, signal });
    expect(result.done).toBe(false);
    expect(result.detail).toMatchObject({ key: 'dns:problems.mismatch.title', values: { expected: EXPECTED_IP } });
    const typed = await domainStep(dns).check({ setup: withChoices({ domain: 'v6.onramp.test', domainTargetIp: EXPECTED_IP }), signal });
    expect(typed.detail?.key).toBe('dns:problems.strayAaaa.title');
  });

  it('asks to be checked again when the domain, www or the address changes, not otherwise', () => {
    const step = domainStep(dns);
    const key = (setup: SetupState) => JSON.stringify(step.watch?.(setup));
    const base = withChoices({ domain: 'match.onramp.test' }, EXPECTED_IP);
    expect(key({ ...base, currentPage: 'vault' })).toBe(key(base));
    expect(key(withChoices({ domain: 'match.onramp.test', www: true }, EXPECTED_IP))).not.toBe(key(base));
    expect(key(withChoices({ domain: 'v6.onramp.test' }, EXPECTED_IP))).not.toBe(key(base));
    expect(key(withChoices({ domain: 'match.onramp.test' }, '198.51.100.7'))).not.toBe(key(base));
  });

  it('saves the domain as punycode with the www choice', async () => {
    const saved = await dns.saveDomain({ domain: IDN_NAME, www: true, targetIp: EXPECTED_IP });
    expect(saved.choices).toMatchObject({ domain: IDN_ASCII, www: true, domainTargetIp: EXPECTED_IP });
  });
});

describe('domain.check operation', () => {
  it('reports the NS walk, then each server, and returns the report', async () => {
    const updates: ProgressUpdate[] = [];
    const report = await domainCheckOperation(dns).run({ domain: 'match.onramp.test', www: false, expectedIpv4: EXPECTED_IP }, { signal, progress: (u) => updates.push(u) });
    expect(report.pass).toBe(true);
    expect(updates[0]).toEqual({ phase: 'dns:phases.nameservers', fraction: null });
    expect(updates.at(-1)).toEqual({ phase: 'dns:phases.servers', fraction: 1, message: { key: 'dns:progress.server', values: expect.objectContaining({ done: 2, total: 2 }) } });
  });
});

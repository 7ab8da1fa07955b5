/**
 * What the type list shows for each pair of (type, region): the whole monthly
 * cost for the chosen disk, or "no estimate" when the dated table has no price;
 * and the "free" mark only where it is true for the plan.
 */
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import { InstanceTypePicker } from './InstanceTypePicker';

type Tree = { [key: string]: string | Tree };
const en = Object.values(import.meta.glob<Tree>('../../i18n/locales/en/ec2.json', { eager: true, import: 'default' }))[0] ?? {};
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { ec2: en } }, ns: ['ec2'], defaultNS: 'ec2', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const priced = { instanceType: 't3.micro', vcpus: 2, memoryMiB: 1024, architecture: 'x86_64' as const, freeTierEligible: true, price: { hourlyUsd: 0.0104, gp3UsdPerGiBMonth: 0.08, priceDate: '2026-11-30' } };
const unpriced = { instanceType: 'c7i-flex.large', vcpus: 2, memoryMiB: 4096, architecture: 'x86_64' as const, freeTierEligible: true };

function render(plan: AccountPlan, volumeGiB = 16): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <InstanceTypePicker types={[priced, unpriced]} plan={plan} volumeGiB={volumeGiB} value="t3.micro" onChange={() => undefined} />
    </I18nextProvider>,
  );
}

describe('InstanceTypePicker', () => {
  it('shows the month with the disk and the address, and "no estimate" for a pair without a price', () => {
    const html = render({ state: 'paid' });
    expect(html).toContain('about $12.52/month');
    expect(html).toContain('instance $7.59 + disk $1.28 + IPv4 $3.65');
    expect(html).toMatch(/data-testid="cost-c7i-flex.large">no estimate</);
    expect(html).toContain('730 hours');
  });

  it('follows the volume size', () => {
    expect(render({ state: 'paid' }, 100)).toContain('about $19.24/month');
  });

  it('marks types free only where it is true: all on the Free plan, none on the paid plan, AWS\'s flag when unknown', () => {
    expect(render({ state: 'free', status: 'active' }).match(/Free plan/g)).toHaveLength(2);
    expect(render({ state: 'paid' })).not.toMatch(/Free/);
    expect(render({ state: 'unknown', reason: 'denied' }).match(/Free tier eligible/g)).toHaveLength(2);
  });
});

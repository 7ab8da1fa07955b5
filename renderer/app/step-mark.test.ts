/** The sidebar's mark is the step's status, the same the page's badge shows (a check that could not run is not "done"). */
import { describe, expect, it } from 'vitest';
import type { StepStatus } from '../../common/contract/schemas/operations';
import { stepMarkedDone } from './step-mark';

const status = (state: StepStatus['state']): StepStatus => ({ step: 'secure-account', state, revision: 1 });

describe('the sidebar mark', () => {
  it('follows the status: done only when the check passed, never next to "Couldn\'t check"', () => {
    expect(stepMarkedDone('secure-account', [status('done')], [])).toBe(true);
    expect(stepMarkedDone('secure-account', [status('error')], ['secure-account'])).toBe(false);
    expect(stepMarkedDone('secure-account', [status('not-done')], ['secure-account'])).toBe(false);
  });

  it('uses the mark cached at the last run while the first check runs, and for steps without a check', () => {
    expect(stepMarkedDone('secure-account', [status('checking')], ['secure-account'])).toBe(true);
    expect(stepMarkedDone('secure-account', [status('unknown')], [])).toBe(false);
    expect(stepMarkedDone('done', [], ['done'])).toBe(true);
  });
});

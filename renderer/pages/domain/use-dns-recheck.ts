/**
 * Runs the live DNS check for the saved domain and, while the page is open
 * and the check does not pass, runs it again with backoff (5 s doubling to
 * 60 s). A new input (another domain, www, address or resolver list) starts
 * over at 5 s. Leaving the page stops it; an answer that arrives for an older
 * input is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../common/contract/result';
import type { DnsCheckInput, DnsReport } from '../../../common/contract/schemas/dns';
import { api } from '../../bridge/api';
import { recheckDelayMs } from './recheck-schedule';

export interface DnsRecheck {
  report: DnsReport | undefined;
  error: ContractError | undefined;
  checking: boolean;
  nextCheckAt: number | undefined;
  checkNow(): void;
}

interface Outcome {
  key: string;
  run: number;
  report?: DnsReport;
  error?: ContractError;
  nextCheckAt?: number;
}

export function useDnsRecheck(input: DnsCheckInput | undefined): DnsRecheck {
  const [run, setRun] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();
  const key = input ? JSON.stringify(input) : '';
  const attempt = useRef(0);
  const lastKey = useRef(key);

  useEffect(() => {
    if (lastKey.current !== key) {
      lastKey.current = key;
      attempt.current = 0;
    }
    if (!input) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void api.invoke['dns.check'](input).then((result) => {
      if (!alive) return;
      const next: Outcome = result.ok ? { key, run, report: result.value } : { key, run, error: result.error };
      if (!result.ok || !result.value.pass) {
        const delay = recheckDelayMs(attempt.current++);
        next.nextCheckAt = Date.now() + delay;
        timer = setTimeout(() => setRun((n) => n + 1), delay);
      }
      setOutcome((previous) => (next.report || previous?.key !== key ? next : { ...next, report: previous.report }));
    });
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // `key` stands for `input`'s content; `run` asks for the next check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run]);

  const checkNow = useCallback(() => {
    attempt.current = 0;
    setRun((n) => n + 1);
  }, []);

  const current = outcome?.key === key ? outcome : undefined;
  const checking = input !== undefined && current?.run !== run;
  return { report: current?.report, error: current?.error, checking, nextCheckAt: checking ? undefined : current?.nextCheckAt, checkNow };
}

/**
 * Runs the live DNS check (the engine's `domain.check` operation) for the
 * saved domain and, while the page is open and the check does not pass, runs
 * it again with backoff (5 s doubling to 60 s). A new input (another domain,
 * www, address or resolver list) starts over at 5 s. Leaving the page stops
 * the timer; a report for an older input is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../common/contract/result';
import { dnsReport, type DnsCheckInput, type DnsReport } from '../../../common/contract/schemas/dns';
import type { OpFinished, OpSnapshot } from '../../../common/contract/schemas/operations';
import { api } from '../../bridge/api';
import { useOperation } from '../../operations/use-operation';
import { recheckDelayMs } from './recheck-schedule';
import { reportAnswers } from './report-answers';

export interface DnsRecheck {
  report: DnsReport | undefined;
  error: ContractError | undefined;
  checking: boolean;
  /** The running (or last) check, for <OperationProgress>. */
  snapshot: OpSnapshot | undefined;
  nextCheckAt: number | undefined;
  checkNow(): void;
}

interface Outcome {
  key: string;
  report?: DnsReport;
  error?: ContractError;
  nextCheckAt?: number;
}

export function useDnsRecheck(input: DnsCheckInput | undefined): DnsRecheck {
  const operation = useOperation('domain.check');
  const { start } = operation;
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
    let mine: string | undefined;
    const early = new Map<string, OpFinished>();
    const settle = (finished: OpFinished) => {
      const parsed = finished.outcome.status === 'succeeded' ? dnsReport.safeParse(finished.outcome.result) : undefined;
      // One check per kind runs at a time: a check started for an older input answered this start. Ask again.
      if (parsed?.success && !reportAnswers(parsed.data, input)) return setRun((n) => n + 1);
      const next: Outcome = { key };
      if (parsed?.success) next.report = parsed.data;
      if (finished.outcome.status === 'failed') next.error = finished.outcome.error;
      if (!next.report?.pass) {
        const delay = recheckDelayMs(attempt.current++);
        next.nextCheckAt = Date.now() + delay;
        timer = setTimeout(() => setRun((n) => n + 1), delay);
      }
      setOutcome((previous) => (next.report || previous?.key !== key ? next : { ...next, report: previous.report }));
    };
    const off = api.on('op.finished', (finished) => {
      if (!alive || finished.kind !== 'domain.check') return;
      if (mine === undefined) early.set(finished.opId, finished);
      else if (finished.opId === mine) settle(finished);
    });
    void start(input).then((opId) => {
      if (!alive || !opId) return;
      mine = opId;
      const done = early.get(opId);
      if (done) settle(done);
    });
    return () => {
      alive = false;
      off();
      clearTimeout(timer);
    };
    // `key` stands for `input`'s content; `run` asks for the next check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run, start]);

  const checkNow = useCallback(() => {
    attempt.current = 0;
    setRun((n) => n + 1);
  }, []);

  const current = outcome?.key === key ? outcome : undefined;
  const checking = operation.running;
  return {
    report: current?.report,
    error: current?.error ?? (operation.snapshot ? undefined : operation.error),
    checking,
    snapshot: operation.snapshot,
    nextCheckAt: checking ? undefined : current?.nextCheckAt,
    checkNow,
  };
}


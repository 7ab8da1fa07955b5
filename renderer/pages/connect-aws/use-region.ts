import { useEffect, useState } from 'react';
import type { AwsSource } from '../../../common/contract/schemas/aws';
import { api } from '../../bridge/api';

/**
 * The region selector's value: the one remembered from last time, else what
 * main suggests (AWS_REGION, the profile's region, then the UI language's
 * default: Korean → Seoul). Once the user picks one, it stays.
 */
export function useRegion(remembered: string | undefined, language: string, kind: AwsSource['kind'], profile: string) {
  const [region, setRegion] = useState(remembered ?? '');
  const [chosen, setChosen] = useState(Boolean(remembered));
  useEffect(() => {
    if (chosen) return;
    let alive = true;
    const source: AwsSource | undefined = kind === 'profile' ? (profile ? { kind, profile } : undefined) : kind === 'default' ? { kind } : undefined;
    void api.invoke['aws.suggestRegion']({ language: language === 'ko' ? 'ko' : 'en', ...(source ? { source } : {}) }).then((result) => {
      if (alive && result.ok) setRegion(result.value.region);
    });
    return () => {
      alive = false;
    };
  }, [chosen, language, kind, profile]);
  const choose = (value: string) => {
    setChosen(true);
    setRegion(value);
  };
  return [region, choose] as const;
}

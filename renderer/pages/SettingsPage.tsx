import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/api';
import { systemLanguage } from '../i18n';
import type { PageProps } from './page-props';
import { StepFrame } from './StepFrame';
import { OwnServerSettings } from './OwnServerSettings';
import { SetupsCard } from '../app/SetupsCard';
import { PathChoice } from '../app/PathChoice';

type Language = 'system' | 'ko' | 'en';

export function SettingsPage(props: PageProps) {
  const { t } = useTranslation('settings');
  const [language, setLanguage] = useState<Language>('system');
  useEffect(() => {
    void api.invoke['settings.get']({}).then((r) => r.ok && setLanguage(r.value.language));
  }, []);
  const choose = async (value: Language) => {
    setLanguage(value);
    const r = await api.invoke['settings.update']({ language: value });
    if (!r.ok) props.onError(r.error);
  };
  return (
    <StepFrame page="settings" {...props}>
      <div className="field">
        <label htmlFor="language">{t('language.label')}</label>
        <select id="language" value={language} onChange={(e) => void choose(e.target.value as Language)}>
          <option value="system">{t('language.system', { lang: t(`language.${systemLanguage()}`) })}</option>
          <option value="ko">{t('language.ko')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
      </div>
      <div className="field">
        <span className="field-label">{t('theme.label')}</span>
        <p className="muted">{t('theme.followsSystem')}</p>
      </div>
      <PathChoice path={props.setup.choices.path} onError={props.onError} note />
      <SetupsCard setups={props.journey.setups} />
      <OwnServerSettings saved={props.setup.choices.ownServer} onOpenVault={() => props.onNavigate('vault')} />
    </StepFrame>
  );
}

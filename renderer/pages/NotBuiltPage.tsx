import { useTranslation } from 'react-i18next';
import type { PageProps } from './page-props';
import { StepFrame } from './StepFrame';

export function NotBuiltPage(props: PageProps) {
  const { t } = useTranslation();
  return (
    <StepFrame page={props.setup.currentPage} {...props}>
      <div className="notice" role="note" data-testid="not-built">
        <strong>{t('notBuilt.title')}</strong>
        <p>{t('notBuilt.body')}</p>
      </div>
    </StepFrame>
  );
}

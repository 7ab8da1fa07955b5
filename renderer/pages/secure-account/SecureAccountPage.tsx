import { useTranslation } from 'react-i18next';
import { RegionBadge } from '../../app/RegionBadge';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { AccessKeySwitch } from './AccessKeySwitch';
import { IamUserForm } from './IamUserForm';
import { RootMfa } from './RootMfa';
import { UserMfa } from './UserMfa';
import '../../styles/iam-pages.css';

/** Step 2, one page: root MFA, the IAM user, its MFA, and moving the app onto it. Progress per sub-step. */
export function SecureAccountPage(props: PageProps) {
  const { t } = useTranslation('iam');
  const { choices, resources } = props.setup;
  const userName = choices.iam?.userName;
  return (
    <StepFrame page="secure-account" {...props}>
      <RegionBadge region={choices.region} note={t('regionGlobal')} />
      <RootMfa accountId={choices.awsIdentity?.accountId} />
      <IamUserForm remembered={choices.iam} />
      <UserMfa key={userName ?? ''} userName={userName} hasMfa={resources.mfaSerial !== undefined} />
      <AccessKeySwitch userName={userName} connectedAsRoot={choices.awsIdentity?.isRoot ?? false} />
    </StepFrame>
  );
}

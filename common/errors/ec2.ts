/** The `ec2.*` error codes and the params each carries (translated as `ec2:errors.<key>`). */
import { declareErrors, params } from './declare';

export const ec2Errors = declareErrors('ec2', {
  insufficientCapacity: params({ awsCode: 'text' }),
  instanceLimit: params({ awsCode: 'text' }),
  vcpuLimit: params({ awsCode: 'text' }),
  unsupported: params({ awsCode: 'text' }),
  addressLimit: params({ awsCode: 'text' }),
  keyPairDuplicate: params({ awsCode: 'text' }),
  keyPairNotInVault: params({ name: 'text' }),
  noDefaultVpc: params(),
  unauthorized: params({ action: 'text', awsCode: 'text' }),
  noUbuntuImage: params({ version: 'text', arch: 'text' }),
  waitTimedOut: params({ instanceId: 'text' }),
  launchFirst: params(),
  myIpNotHttps: params(),
  myIpUnavailable: params(),
  invalidIp: params({ ip: 'text' }),
  sgInUse: params(),
  noIamUser: params(),
  notFreeTierEligible: params({ awsCode: 'text', types: 'text' }),
  budgetDenied: params({ awsCode: 'text', actions: 'text' }),
  budgetNotOurs: params({ name: 'text' }),
  groupNameTaken: params({ name: 'text' }),
});

/** The `ec2.*` error codes and the params each carries (translated as `ec2:errors.<key>`). */
import { declareErrors, params } from './declare';

export const ec2Errors = declareErrors('ec2', {
  insufficientCapacity: params({ awsCode: 'string' }),
  instanceLimit: params({ awsCode: 'string' }),
  vcpuLimit: params({ awsCode: 'string' }),
  unsupported: params({ awsCode: 'string' }),
  addressLimit: params({ awsCode: 'string' }),
  keyPairDuplicate: params({ awsCode: 'string' }),
  keyPairNotInVault: params({ name: 'text' }),
  noDefaultVpc: params(),
  unauthorized: params({ action: 'text', awsCode: 'string' }),
  noUbuntuImage: params({ version: 'text', arch: 'text' }),
  waitTimedOut: params({ instanceId: 'text' }),
  launchFirst: params(),
  myIpNotHttps: params(),
  myIpUnavailable: params({ url: 'string' }),
  invalidIp: params({ ip: 'text' }),
  sgInUse: params(),
  noIamUser: params(),
  notFreeTierEligible: params({ awsCode: 'string', types: 'text' }),
  budgetDenied: params({ awsCode: 'string', actions: 'text' }),
  budgetNotOurs: params({ name: 'text' }),
  groupNameTaken: params({ name: 'text' }),
});

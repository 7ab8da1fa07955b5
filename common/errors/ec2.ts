/** The `ec2.*` error codes and the params each carries (translated as `ec2:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const ec2Errors = declareErrors('ec2', {
  insufficientCapacity: params<{ awsCode: Text }>(),
  instanceLimit: params<{ awsCode: Text }>(),
  vcpuLimit: params<{ awsCode: Text }>(),
  unsupported: params<{ awsCode: Text }>(),
  addressLimit: params<{ awsCode: Text }>(),
  keyPairDuplicate: params<{ awsCode: Text }>(),
  keyPairNotInVault: params<{ name: Text }>(),
  noDefaultVpc: params(),
  unauthorized: params<{ action: Text; awsCode: Text }>(),
  noUbuntuImage: params<{ version: Text; arch: Text }>(),
  waitTimedOut: params<{ instanceId: Text }>(),
  launchFirst: params(),
  myIpNotHttps: params(),
  myIpUnavailable: params(),
  invalidIp: params<{ ip: Text }>(),
  sgInUse: params(),
  noIamUser: params(),
  notFreeTierEligible: params<{ awsCode: Text; types: Text }>(),
  budgetDenied: params<{ awsCode: Text; actions: Text }>(),
  budgetNotOurs: params<{ name: Text }>(),
  groupNameTaken: params<{ name: Text }>(),
});

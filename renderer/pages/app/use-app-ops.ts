/**
 * The App page's operations, and the app's state on the server read again on
 * open and whenever one of them finishes (`deploy.status`, `deploy.settings`).
 */
import { api } from '../../bridge/api';
import { useLoad } from '../../bridge/use-load';
import { useOperation } from '../../operations/use-operation';

export function useAppOps() {
  const ops = {
    inspect: useOperation('app.inspect'),
    deploy: useOperation('app.deploy'),
    rollback: useOperation('app.rollback'),
    setEnv: useOperation('app.setEnv'),
    testAccess: useOperation('app.testAccess'),
    care: useOperation('app.care'),
    reboot: useOperation('app.reboot'),
    remove: useOperation('app.remove'),
  };
  const all = Object.values(ops);
  const busy = all.some((op) => op.running);
  // What changes the server: each finished run is a reason to read it again.
  const finished = [ops.deploy, ops.rollback, ops.setEnv, ops.care, ops.reboot, ops.remove].map((op) => op.snapshot?.finished?.finishedAt ?? 0).join(',');
  const status = useLoad(() => api.invoke['deploy.status']({}), `app-status:${finished}`);
  const settings = useLoad(() => api.invoke['deploy.settings']({}), `app-settings:${ops.setEnv.snapshot?.finished?.finishedAt ?? 0}:${ops.remove.snapshot?.finished?.finishedAt ?? 0}`);
  return { ops, busy, status, settings };
}

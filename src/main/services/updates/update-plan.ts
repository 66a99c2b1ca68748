import type { SitePolicy } from '@shared/policy';

export type UpdatePlan =
  | { enabled: false; reason: 'not-packaged' | 'off-in-policy' | 'no-url' }
  | { enabled: true; url: string; checkEveryMs: number };

const SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Whether and where this seat looks for updates. Off unless the site policy turns it on with a URL (IT decides when a
 * floor changes version). Updates only ever install when the app quits, so an open incident is never interrupted.
 */
export function updatePlan(policy: Pick<SitePolicy, 'updates'>, isPackaged: boolean): UpdatePlan {
  if (!isPackaged) return { enabled: false, reason: 'not-packaged' };
  if (!policy.updates.enabled) return { enabled: false, reason: 'off-in-policy' };
  if (!policy.updates.url) return { enabled: false, reason: 'no-url' };
  return { enabled: true, url: policy.updates.url, checkEveryMs: SIX_HOURS };
}

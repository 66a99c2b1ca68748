import { create } from 'zustand';
import type { PolicyState } from '@shared/ipc/contract';
import { defaultPolicy } from '@shared/policy';
import { floorguard } from '../bridge/floorguard';

/** The site policy main loaded (defaults until it answers). */
export const usePolicyStore = create<{ state: PolicyState; load(): Promise<void> }>((set) => ({
  state: { policy: defaultPolicy(), path: '', found: false, lockedPaths: [], errors: [] },
  async load() {
    const result = await floorguard().invoke('policy:get', {});
    if (result.ok) set({ state: result.value });
  },
}));

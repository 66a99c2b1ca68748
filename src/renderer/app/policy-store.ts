import { create } from 'zustand';
import type { PolicyState } from '@shared/ipc/contract';
import { defaultPolicy, effectivePolicy, type PolicyIssue, type PolicyLayers } from '@shared/policy';
import { floorguard } from '../bridge/floorguard';

interface PolicyStore {
  /** The site policy as main loaded it (defaults + the machine-wide file). */
  base: PolicyState;
  /** What the centre published and the leads' contact edits (see effective-policy.ts). */
  layers: PolicyLayers;
  /** `base` with the layers applied: the policy every feature reads. */
  state: PolicyState;
  /** Layers that were refused, with their key paths (diagnostics). */
  layerProblems: PolicyIssue[];
  load(): Promise<void>;
  setLayers(layers: PolicyLayers): void;
}

const compute = (base: PolicyState, layers: PolicyLayers) => {
  const effective = effectivePolicy(base.policy, layers);
  return { state: { ...base, policy: effective.policy }, layerProblems: effective.problems };
};

const initial: PolicyState = { policy: defaultPolicy(), path: '', found: false, lockedPaths: [], errors: [] };

/** The site policy the seat runs on (defaults until main answers). */
export const usePolicyStore = create<PolicyStore>((set, get) => ({
  base: initial,
  layers: {},
  state: initial,
  layerProblems: [],
  async load() {
    const result = await floorguard().invoke('policy:get', {});
    if (result.ok) set({ base: result.value, ...compute(result.value, get().layers) });
  },
  setLayers(layers) {
    set({ layers, ...compute(get().base, layers) });
  },
}));

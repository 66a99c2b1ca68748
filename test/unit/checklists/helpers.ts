import { encodeHlc } from '@shared/sync/hlc';
import type { ChecklistEvent, ChecklistTemplate } from '@shared/checklists';

export const DECLARED = '2025-03-01T08:00:00.000Z';
const DECLARED_MS = Date.parse(DECLARED);

/** The time `minutes` after the declaration, as ISO. */
export function at(minutes: number): string {
  return new Date(DECLARED_MS + minutes * 60_000).toISOString();
}

interface Options {
  id: string;
  stepId: string;
  /** Minutes after the declaration; sets both `at` and the HLC wall time. */
  minute: number;
  /** Seat node for the HLC tie-break. */
  node?: string;
  counter?: number;
  by?: string;
}

function base({ stepId, minute, node = 'seat-a', counter = 0, by = 'Wang Li' }: Options) {
  return {
    stepId,
    by,
    seat: node,
    at: at(minute),
    hlc: encodeHlc({ millis: DECLARED_MS + minute * 60_000, counter, node }),
  };
}

export const checked = (o: Options): ChecklistEvent => ({
  id: o.id,
  type: 'checklist.step-checked',
  payload: base(o),
});
export const unchecked = (o: Options): ChecklistEvent => ({
  id: o.id,
  type: 'checklist.step-unchecked',
  payload: base(o),
});
export const skipped = (o: Options & { reason: string }): ChecklistEvent => ({
  id: o.id,
  type: 'checklist.step-skipped',
  payload: { ...base(o), reason: o.reason },
});
export const note = (o: Options & { text: string }): ChecklistEvent => ({
  id: o.id,
  type: 'checklist.step-note',
  payload: { ...base(o), text: o.text },
});
export const callIn = (o: Options & { person: string }): ChecklistEvent => ({
  id: o.id,
  type: 'checklist.callin-confirmed',
  payload: { ...base(o), person: o.person },
});

/** Every ordering of a small list, to show the result does not depend on arrival order. */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** A site's own scenario (not a built-in): one step, optionally linked to scripts. */
export function typhoonTemplate(scripts?: string[]): ChecklistTemplate {
  return {
    id: 'typhoon',
    scenarioId: 'typhoon',
    version: 1,
    title: { zh: '台风', en: 'Typhoon' },
    steps: [
      {
        id: 'send-home',
        owner: 'centre-manager',
        text: { zh: '安排员工安全回家。', en: 'Send staff home safely.' },
        ...(scripts ? { links: { scripts } } : {}),
      },
    ],
  };
}

import type { useTranslation } from 'react-i18next';
import { duration } from './checklist-model';

export type Translate = ReturnType<typeof useTranslation>['t'];

/** A plan's clock in its own words: "3 天", "1 小时", "45 分钟". */
export function durationText(t: Translate, minutes: number): string {
  const { count, unit } = duration(minutes);
  return t(`checklist.duration.${unit}`, { count });
}

import { v7 as uuidv7 } from 'uuid';
import { IncidentEvent, type IncidentEventType, type PayloadOf } from '@shared/incidents/events';
import { encodeHlc } from '@shared/sync/hlc';

/** A Tuesday, 10:00 in Asia/Shanghai: working hours in the default calendar. */
export const T0 = new Date('2025-03-04T10:00:00+08:00');
export const at = (minutes: number, base = T0) => new Date(base.getTime() + minutes * 60_000);

export const INCIDENT = '0195f0a0-0000-7000-8000-000000000001';
export const OTHER = '0195f0a0-0000-7000-8000-000000000002';

let counter = 0;

/** A valid event `minutes` after T0 (its hlc follows its time, so log order is time order unless `hlcAt` says). */
export function ev<T extends IncidentEventType>(
  type: T,
  payload: PayloadOf<T>,
  options: { minutes?: number; incidentId?: string; id?: string; hlcAt?: number; base?: Date } = {},
): IncidentEvent {
  const when = at(options.minutes ?? 0, options.base);
  const hlcWhen = at(options.hlcAt ?? options.minutes ?? 0, options.base);
  return IncidentEvent.parse({
    id: options.id ?? uuidv7({ msecs: when.getTime() }),
    incidentId: options.incidentId ?? INCIDENT,
    type,
    hlc: encodeHlc({ millis: hlcWhen.getTime(), counter: counter++ % 0xffff, node: 'seat1' }),
    author: '王芳',
    seat: 'A-01',
    occurredAt: when.toISOString(),
    recordedAt: when.toISOString(),
    payload,
  });
}

export function declared(level = 'urgent', options: Parameters<typeof ev>[2] = {}): IncidentEvent {
  return ev(
    'incident.declared',
    {
      scenario: 'application-failure',
      level,
      description: 'CRM down',
      templateId: 'application-failure',
      templateVersion: 1,
      suggestedLevel: null,
      suggestionReasons: [],
    },
    options,
  );
}

export const contact = (
  type: 'incident.person-notified' | 'incident.acknowledged' | 'incident.no-answer',
  personId: string,
  role: string,
  step: number,
  minutes: number,
  level = 'urgent',
) => ev(type, { personId, role, step, level }, { minutes });

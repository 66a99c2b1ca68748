import type { z } from 'zod';
import { CallLog } from '@shared/calls/schema';
import { IncidentEvent } from '@shared/incidents/events';
import { ContactEdit } from '@shared/policy/effective';
import { MAX_DRIFT_MS, decodeHlc } from '@shared/sync/hlc';
import type { Mutation, MutationOp, SyncEntity } from '@shared/sync/protocol';

interface EntityRule {
  ops: readonly MutationOp[];
  data: z.ZodType;
}

/** Which ops each entity accepts and the schema of its data. Calls are records (LWW); incident events a log. */
export const ENTITY_RULES: Record<SyncEntity, EntityRule> = {
  call: { ops: ['upsert', 'delete'], data: CallLog },
  // The shared incident event row (src/shared/incidents): an event that fails it is quarantined, like a bad call.
  'incident-event': { ops: ['append'], data: IncidentEvent },
  // A contact-tree edit: a removal is an upsert with `person: null`, so the record keeps who removed it and when.
  contact: { ops: ['upsert'], data: ContactEdit },
};

/** jsonb's own nesting limit is far higher; a call sheet needs a handful of levels. */
const MAX_DEPTH = 32;

/**
 * Why a value could not be stored as jsonb, or null. PostgreSQL refuses `\u0000` and unpaired surrogates in
 * jsonb; letting them reach the database would fail the whole batch and block the seat's queue forever.
 */
export function unstorable(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
  if (typeof value === 'string') return badString(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unstorable(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = badString(key) ?? unstorable(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

export function badString(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (!text.isWellFormed()) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** Issue paths and messages only: the quarantine reason is logged and shown, and must not quote personal data. */
function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Null when the mutation may be applied; otherwise the reason it goes to quarantine. */
export function rejectionReason(mutation: Mutation, serverNow: number): string | null {
  const rule = ENTITY_RULES[mutation.entity];
  if (!rule.ops.includes(mutation.op))
    return `op '${mutation.op}' is not allowed for entity '${mutation.entity}'`;
  // A seat whose clock runs days ahead would win every last-writer-wins race until real time caught up.
  if (decodeHlc(mutation.hlc).millis - serverNow > MAX_DRIFT_MS)
    return 'hlc is too far ahead of the server clock';
  if (mutation.op === 'delete') return null;
  const storable = unstorable(mutation.data);
  if (storable) return `data ${storable}`;
  const parsed = rule.data.safeParse(mutation.data);
  if (!parsed.success) return `data does not match the ${mutation.entity} schema: ${summarise(parsed.error)}`;
  if ((mutation.entity === 'call' || mutation.entity === 'contact') && !hasId(parsed.data, mutation.entityId))
    return 'data.id does not match entityId';
  if (mutation.entity === 'incident-event' && !hasIncidentId(parsed.data, mutation.entityId))
    return 'data.incidentId does not match entityId';
  return null;
}

function hasIncidentId(data: unknown, id: string): boolean {
  return typeof data === 'object' && data !== null && 'incidentId' in data && data.incidentId === id;
}

function hasId(data: unknown, id: string): boolean {
  return typeof data === 'object' && data !== null && 'id' in data && data.id === id;
}

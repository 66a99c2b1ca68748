import { z } from 'zod';
import { normalizePhone } from '@shared/calls/phone';
import type { CallLog } from '@shared/calls/schema';
import { problemClassOf, type SitePolicy } from '@shared/policy';

/**
 * What the form holds while the agent types (strings and booleans only, so a draft round-trips through IndexedDB).
 * Error messages are i18n keys, rendered in the UI language by the form.
 */
export const CallFormValues = z
  .object({
    agent: z.string().trim().min(1, 'calls.errors.agentRequired').max(64, 'calls.errors.tooLong'),
    seat: z.string().trim().max(64, 'calls.errors.tooLong'),
    callerPhone: z.string(),
    problemType: z.string().min(1, 'calls.errors.required'),
    summary: z.string().trim().min(1, 'calls.errors.required').max(4000, 'calls.errors.tooLong'),
    vip: z.boolean(),
    callerName: z.string().trim().max(128, 'calls.errors.tooLong'),
    customerId: z.string().trim().max(128, 'calls.errors.tooLong'),
    direction: z.enum(['', 'inbound', 'outbound']),
    callbackWanted: z.boolean(),
    callbackNumber: z.string(),
    callbackDueAt: z.string(),
    complaint: z.boolean(),
    mediaMention: z.boolean(),
  })
  .superRefine((values, ctx) => {
    const phone = normalizePhone(values.callerPhone);
    if (!phone.ok)
      ctx.addIssue({ code: 'custom', path: ['callerPhone'], message: `calls.phoneErrors.${phone.reason}` });
    if (values.callbackWanted && values.callbackNumber.trim() && !normalizePhone(values.callbackNumber).ok) {
      ctx.addIssue({ code: 'custom', path: ['callbackNumber'], message: 'calls.errors.callbackNumber' });
    }
  });
export type CallFormValues = z.infer<typeof CallFormValues>;

export function emptyCallForm(agent: string, seat: string): CallFormValues {
  return {
    agent,
    seat,
    callerPhone: '',
    problemType: '',
    summary: '',
    vip: false,
    callerName: '',
    customerId: '',
    direction: 'inbound',
    callbackWanted: false,
    callbackNumber: '',
    callbackDueAt: '',
    complaint: false,
    mediaMention: false,
  };
}

/** Turns checked form values into a call-sheet record: normalised numbers, class from the policy, a status. */
export function toCallLog(
  values: CallFormValues,
  identity: Pick<CallLog, 'id' | 'createdAt'>,
  policy: SitePolicy,
): CallLog {
  const phone = normalizePhone(values.callerPhone);
  if (!phone.ok) throw new Error(`invalid phone: ${phone.reason}`);
  const callback = values.callbackNumber.trim() ? normalizePhone(values.callbackNumber) : null;
  const problemClass = problemClassOf(policy, values.problemType);
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  const call: CallLog = {
    ...identity,
    agent: values.agent.trim(),
    callerPhone: phone.e164,
    problemType: values.problemType,
    summary: values.summary.trim(),
    status: values.callbackWanted ? 'callback-due' : 'open',
  };
  const extras: Partial<CallLog> = {
    seat: optional(values.seat),
    direction: values.direction || undefined,
    callerName: optional(values.callerName),
    customerId: optional(values.customerId),
    vip: values.vip || undefined,
    problemClass,
    callbackWanted: values.callbackWanted || undefined,
    callbackNumber: values.callbackWanted ? (callback?.ok ? callback.e164 : phone.e164) : undefined,
    callbackDueAt:
      values.callbackWanted && values.callbackDueAt
        ? new Date(values.callbackDueAt).toISOString()
        : undefined,
    complaint: values.complaint || undefined,
    mediaMention: values.mediaMention || undefined,
  };
  for (const [key, value] of Object.entries(extras)) {
    if (value !== undefined) Object.assign(call, { [key]: value });
  }
  return call;
}

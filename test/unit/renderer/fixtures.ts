import type { CallLog } from '@shared/calls/schema';
import { newCallIdentity } from '../../../src/renderer/features/calls/calls-repository';

/** A new login-failure call from the same caller, told apart by its summary. */
export const newCall = (summary: string): CallLog => ({
  ...newCallIdentity(),
  agent: '王芳',
  callerPhone: '+8613812345678',
  problemType: 'login-failure',
  summary,
});

import type { LineConfig } from '@shared/monitors/config';
import type { ProbeResult } from '@shared/monitors/line-status';
import { probeDns } from './dns';
import { probeHttp } from './http';
import { probeSipOptions } from './sip-options';
import { probeTcp } from './tcp';

export const DEFAULT_PROBE_TIMEOUT_MS = 3000;

export type LineProbe = (line: LineConfig, timeoutMs: number) => Promise<ProbeResult>;

const probes = {
  tcp: probeTcp,
  http: probeHttp,
  'sip-options': probeSipOptions,
  dns: probeDns,
} satisfies Record<LineConfig['probe'], (target: string, timeoutMs: number) => Promise<ProbeResult>>;

/** Runs the line's probe once. Never rejects: a bad target is reported as a down result with the reason. */
export const probeLine: LineProbe = async (line, timeoutMs) => {
  try {
    return await probes[line.probe](line.target, timeoutMs);
  } catch (error) {
    return {
      result: 'down',
      latencyMs: null,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
};

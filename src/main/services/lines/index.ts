/** What the Electron glue, the harness and the doctor use from the line service. */
export { createLineMonitor, type LineMonitor, type LineMonitorOptions } from './line-monitor';
export { DEFAULT_PROBE_TIMEOUT_MS, probeLine, type LineProbe } from './probes';

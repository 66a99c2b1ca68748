/** What the Electron glue, the harness and the doctor use from the power service. */
export { createPowerMonitor, type PowerMonitor, type PowerMonitorOptions } from './power-monitor';
export { connectNut, type NutConnect, type NutConnection, type NutConnectOptions } from './nut-client';
export { NutError, NutTransportError } from './nut-protocol';

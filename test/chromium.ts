/**
 * Debian's Chromium as the e2e suite and the benchmarks launch it: the system binary (never a downloaded browser) and
 * flags that keep it from reaching for the network this machine does not have.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

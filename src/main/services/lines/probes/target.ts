/** Parses `host:port` or `[v6addr]:port`; the port may be left out only when a default is given. */
export function parseHostPort(target: string, defaultPort?: number): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(target);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(target);
  const match = bracketed ?? plain;
  if (!match) throw new TypeError(`target must be host:port, got "${target}"`);
  const host = match[1] ?? '';
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TypeError(`target "${target}" needs a port between 1 and 65535`);
  }
  return { host, port };
}

export function elapsedMs(startedAt: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startedAt) / 1e5) / 10;
}

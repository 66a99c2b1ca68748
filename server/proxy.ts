/**
 * Which proxies in front of the server to believe about the client's address (X-Forwarded-For), so that the
 * per-address rate limit before enrolment (and anything else reading `request.ip`) sees the seat, not the load
 * balancer. Off unless configured: believing the header from anyone would let any client pick its own address.
 */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * `--trust-proxy` / FLOORGUARD_TRUST_PROXY: `true` (every hop — only when nothing can reach the server but the
 * proxy), `false`/empty, a number of hops (`1` = the load balancer in front), or a comma-separated list of proxy
 * addresses and CIDR ranges (`10.0.0.0/8,127.0.0.1`).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = list.find((entry) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry));
  if (bad !== undefined)
    throw new Error(
      `trust proxy: "${bad}" is not an address or CIDR range (true, false, a hop count or a list)`,
    );
  return list;
}

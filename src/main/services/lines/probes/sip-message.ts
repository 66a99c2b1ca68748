import { randomBytes } from 'node:crypto';

/** The identifiers that tie a response to our request (RFC 3261 §8.1.1, §17.1.3). */
export interface SipOptionsIds {
  branch: string;
  tag: string;
  callId: string;
}

export function newSipIds(): SipOptionsIds {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  // RFC 3261 §8.1.1.7: the magic cookie z9hG4bK marks a branch as unique per transaction.
  return { branch: `z9hG4bK${hex(8)}`, tag: hex(6), callId: hex(12) };
}

function hostForUri(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** A minimal, valid out-of-dialog OPTIONS request ("ping"), the usual SIP keep-alive probe. */
export function buildSipOptions(params: {
  targetHost: string;
  targetPort: number;
  localHost: string;
  localPort: number;
  ids: SipOptionsIds;
}): string {
  const target = `${hostForUri(params.targetHost)}:${params.targetPort}`;
  const local = `${hostForUri(params.localHost)}:${params.localPort}`;
  const lines = [
    `OPTIONS sip:${target} SIP/2.0`,
    `Via: SIP/2.0/UDP ${local};branch=${params.ids.branch};rport`,
    'Max-Forwards: 70',
    `From: "Floorguard" <sip:floorguard@${hostForUri(params.localHost)}>;tag=${params.ids.tag}`,
    `To: <sip:${target}>`,
    `Call-ID: ${params.ids.callId}@${hostForUri(params.localHost)}`,
    'CSeq: 1 OPTIONS',
    `Contact: <sip:floorguard@${local}>`,
    'Accept: application/sdp',
    'User-Agent: Floorguard line probe',
    'Content-Length: 0',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Reads a datagram as a response to our OPTIONS: the status code when it is one (SIP/2.0 xxx with our Call-ID),
 * otherwise null — stray packets on the port must not make a dead line look alive.
 */
export function parseSipResponse(
  datagram: string,
  ids: SipOptionsIds,
): { status: number; reason: string } | null {
  const [statusLine = '', ...headers] = datagram.split(/\r?\n/);
  const match = /^SIP\/2\.0 (\d{3})(?: (.*))?$/.exec(statusLine.trim());
  if (!match) return null;
  const callIdHeader = headers.find((line) => /^(call-id|i)\s*:/i.test(line));
  const callId = callIdHeader?.slice(callIdHeader.indexOf(':') + 1).trim();
  if (!callId || !callId.startsWith(`${ids.callId}@`)) return null;
  return { status: Number(match[1]), reason: match[2] ?? '' };
}

/**
 * Text rules of the NUT network protocol (networkupstools.org developer guide, "Network protocol information"):
 * one command per line, multi-word elements in double quotes, `\"` and `\\` escaped inside quotes, and
 * failures answered as `ERR <CODE> [extra]`.
 */

/** A reply of the form `ERR <CODE>`: upsd understood us and said no (UNKNOWN-UPS, DATA-STALE, ACCESS-DENIED…). */
export class NutError extends Error {
  constructor(
    readonly code: string,
    readonly extra: string | null,
  ) {
    super(extra ? `NUT error ${code}: ${extra}` : `NUT error ${code}`);
    this.name = 'NutError';
  }
}

/** The conversation itself failed (refused, closed, timed out, garbled): the connection must be dropped. */
export class NutTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NutTransportError';
  }
}

/** Quotes one command element when needed. Rejects line breaks, which would smuggle in a second command. */
export function quoteElement(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new TypeError('NUT command elements cannot contain line breaks');
  if (value !== '' && !/[\s"\\]/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function formatCommand(...elements: string[]): string {
  return `${elements.map(quoteElement).join(' ')}\n`;
}

/** Splits a reply line into elements, honouring quotes and backslash escapes (what NUT's parseconf does). */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inToken = true;
    } else if (ch === '"') {
      quoted = !quoted;
      inToken = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quoted) throw new NutTransportError(`unterminated quote in reply: ${line}`);
  if (inToken) tokens.push(current);
  return tokens;
}

/** Returns the error carried by an `ERR …` line, or null for any other line. */
export function parseErrLine(line: string): NutError | null {
  if (line !== 'ERR' && !line.startsWith('ERR ')) return null;
  const [, code = 'UNKNOWN', ...extra] = tokenize(line);
  return new NutError(code, extra.length > 0 ? extra.join(' ') : null);
}

/** Parses `VAR <ups> <name> "<value>"` for the expected UPS; null when the line is not that. */
export function parseVarLine(line: string, upsName: string): { name: string; value: string } | null {
  const [keyword, ups, name, value, ...rest] = tokenize(line);
  if (keyword !== 'VAR' || ups !== upsName || name === undefined || value === undefined || rest.length > 0)
    return null;
  return { name, value };
}

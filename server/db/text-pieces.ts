/**
 * A text parameter given as UTF-8 pieces, meaning their concatenation. A push group's rows are one such parameter:
 * each push's rows were encoded once, when it arrived (sync/prepare.ts), and PGlite's thread copies those bytes
 * straight into the wire message — building one string of the whole group and encoding it again cost that thread
 * about a millisecond per group of 32 pushes (a JavaScript join of large two-byte strings is slow).
 * PostgreSQL, through pg, is given the joined string.
 */
export class TextPieces {
  readonly byteLength: number;

  constructor(readonly pieces: readonly Uint8Array[]) {
    this.byteLength = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  }

  toString(): string {
    return Buffer.concat(this.pieces).toString('utf8');
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text` in a buffer of their own (a pooled Buffer would cross threads with its whole pool). */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/**
 * A parameter as a driver that does not know TextPieces must get it: pg (it sends a Uint8Array as bytea), and a
 * message to PGlite's thread (structured clone keeps no class).
 */
export const asText = (value: unknown): unknown => (value instanceof TextPieces ? value.toString() : value);

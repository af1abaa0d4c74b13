/**
 * Turns a file's bytes into text the way dockerd reads daemon.json: UTF-8 with or without a BOM,
 * or UTF-16LE with a BOM. Anything else is a decode problem reported as a finding, never thrown.
 */

export interface DecodedText {
  text: string;
  /** Set when the bytes are not text dockguard can lint; the message is user-facing. */
  problem?: { offset: number; message: string };
}

/** Files larger than this are not linted (dockerd's own configs are a few KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_FILE_BYTES) {
    return { text: '', problem: { offset: 0, message: `file is ${bytes.length} bytes; dockguard lints files up to ${MAX_FILE_BYTES} bytes` } };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: '', problem: { offset: 0, message: 'UTF-16BE is not accepted by dockerd; save the file as UTF-8' } };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return checkBinary(text);
  } catch {
    const offset = firstInvalidUtf8(body);
    return { text: '', problem: { offset: 0, message: `invalid UTF-8 at byte ${offset}: dockerd fails with "failed to decode configuration JSON at offset ${offset}"` } };
  }
}

/** Text that holds NUL bytes is binary: report it instead of linting garbage. */
export function checkBinary(text: string): DecodedText {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { text: '', problem: { offset: 0, message: `binary content (a NUL byte at offset ${nul}): this is not a text configuration file` } };
  return { text };
}

/** Byte offset of the first malformed UTF-8 sequence (lead byte or continuation). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const extra = lead < 0x80 ? 0 : lead >> 5 === 0b110 ? 1 : lead >> 4 === 0b1110 ? 2 : lead >> 3 === 0b11110 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return i;
}

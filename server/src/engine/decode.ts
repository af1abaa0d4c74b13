/**
 * Turns a file's bytes into text the way dockerd reads daemon.json: UTF-8 with or without a BOM,
 * or UTF-16LE with a BOM. Anything else is a decode problem reported as a finding, never thrown.
 */

export interface DecodedText {
  text: string;
  /**
   * Set when the bytes are not text dockguard can lint; the message is user-facing. `offset` is
   * where the offending byte sits in `text` (decoded leniently, with U+FFFD for bad bytes), so the
   * finding can point at it rather than at 1:1.
   */
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
    const lenient = new TextDecoder('utf-8');
    // The bytes before `offset` are well-formed, so their decoded length is the character offset.
    return { text: lenient.decode(body), problem: { offset: lenient.decode(body.subarray(0, offset)).length, message: `invalid UTF-8 at byte ${offset}: dockerd fails with "failed to decode configuration JSON at offset ${offset}"` } };
  }
}

/** Text that holds NUL bytes is binary: report it instead of linting garbage. */
export function checkBinary(text: string): DecodedText {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { text, problem: { offset: nul, message: `binary content (a NUL byte at offset ${nul}): this is not a text configuration file` } };
  return { text };
}

/**
 * Byte offset of the first ill-formed UTF-8 sequence, by the Unicode standard's table of well-formed
 * sequences (so overlong forms, surrogates and code points past U+10FFFF are caught, as the decoder does).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, secondMin, secondMax] = sequenceShape(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [secondMin, secondMax] : [0x80, 0xbf];
      if (i + k >= bytes.length || byte < min || byte > max) return i;
    }
    i += length;
  }
  return i;
}

/** A lead byte's sequence length and the range its second byte must be in; length 0 = not a lead byte. */
function sequenceShape(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

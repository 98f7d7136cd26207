/**
 * A text file's bytes as a string with `\n` line ends. UTF-8 is the norm; a byte-order mark
 * says UTF-16; bytes that are not UTF-8 are read as Windows-1252, the usual legacy encoding of
 * Western text files (every byte decodes, so nothing is lost silently as U+FFFD).
 */
export function decodeText(bytes: Uint8Array): string {
  const text = decodeBytes(bytes);
  return text.replace(/\r\n?/g, '\n');
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Windows-1252 by hand: Node 20's TextDecoder treats the label as Latin-1 and turns 0x80–0x9F
 * (€, curly quotes, dashes) into control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...part).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return text;
}

/** Whether bytes look like text: no NUL in the first 8 KB unless a UTF-16 byte-order mark says so. */
export function looksLikeText(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return !head.subarray(0, 8192).includes(0);
}

// Decodes seed files and source texts as UTF-8, saying why (and where) bytes are not UTF-8 text.

/**
 * Decodes a seed file or source text as UTF-8 (a UTF-8 byte-order mark is allowed), or says why it is not UTF-8 text and
 * the line where that shows: UTF-16 (by its byte-order mark), invalid UTF-8 bytes, or NUL bytes.
 */
export function decodeSeedText(buffer: Uint8Array): { text: string } | { problem: string; line: number } {
  const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'UTF-16LE' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'UTF-16BE' : undefined;
  if (utf16 !== undefined) {
    return { line: 1, problem: `file is ${utf16} text (it starts with a UTF-16 byte-order mark); save it as UTF-8` };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  const bad = text.indexOf('\uFFFD');
  const nul = text.indexOf('\u0000');
  if (bad < 0 && nul < 0) return { text };
  const at = bad < 0 ? nul : nul < 0 ? bad : Math.min(bad, nul);
  const line = text.slice(0, at).split('\n').length;
  return { line, problem: 'file is not valid UTF-8 text (binary data or another encoding)' };
}

// An import file's bytes as text. Exchange 5.5 wrote Directory Export files in the Windows code
// page ("ANSI") or, when asked, in Unicode (UTF-16 LE with a byte order mark); today's tools write
// UTF-8. A file written for Exchange 5.5 must import unchanged (the issue), so all three are read:
// a byte order mark decides; without one the text is UTF-8 when it is valid UTF-8, and
// Windows-1252 otherwise (a name like "Zoë" saved by Excel in ANSI is not valid UTF-8). iconv-lite
// decodes Windows-1252: Node's TextDecoder reads that label as Latin-1 (0x80 is not €).
import iconv from 'iconv-lite';

export type DecodedFile = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252' };
  }
}

import { describe, expect, it } from 'vitest';
import { decodeImportFile } from './decode';

const line = 'Mailbox,zoe,Zoë Ørsted\r\n';

describe('decodeImportFile', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeImportFile(new TextEncoder().encode(line))).toEqual({ text: line, encoding: 'utf-8' });
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(line)]))).toEqual({ text: line, encoding: 'utf-8' });
  });

  it("reads Exchange 5.5's Unicode export (UTF-16 LE with a byte order mark)", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]);
    expect(decodeImportFile(bytes)).toEqual({ text: line, encoding: 'utf-16le' });
  });

  it('reads an ANSI (Windows-1252) file, which is not valid UTF-8', () => {
    const bytes = Buffer.from(line, 'latin1');
    expect(decodeImportFile(bytes)).toEqual({ text: line, encoding: 'windows-1252' });
    expect(decodeImportFile(new Uint8Array([0x80, 0x41])).text).toBe('€A');
  });
});

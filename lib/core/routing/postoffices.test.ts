import { describe, expect, it } from 'vitest';
import { checkPostofficeEntry } from './postoffices';

const LISTED = [
  { network: 'OLDNET', postoffice: 'OLDPO' },
  { network: 'FINNET', postoffice: 'PO1' },
];

describe('checkPostofficeEntry (MS Mail Connector, Connections page)', () => {
  it('accepts a new postoffice of 1–10 letters or digits, in any case', () => {
    expect(checkPostofficeEntry({ network: 'newnet', postoffice: 'Po2' }, 'ADATUM/REDMOND', LISTED)).toBeNull();
  });

  it('names the part that is empty or not 1–10 letters or digits', () => {
    expect(checkPostofficeEntry({ network: ' ', postoffice: 'PO' }, 'ADATUM/REDMOND', [])).toEqual({ field: 'network', message: 'The network name is empty.' });
    expect(checkPostofficeEntry({ network: 'NET', postoffice: 'ELEVENCHARS' }, 'ADATUM/REDMOND', [])).toEqual({
      field: 'postoffice',
      message: "The postoffice name 'ELEVENCHARS' must be 1–10 letters or digits.",
    });
    expect(checkPostofficeEntry({ network: 'OLD NET', postoffice: 'PO' }, 'ADATUM/REDMOND', [])?.field).toBe('network');
  });

  it("refuses the connector's own postoffice and one already listed, case-insensitively (Q156545)", () => {
    expect(checkPostofficeEntry({ network: 'adatum', postoffice: 'redmond' }, 'ADATUM/REDMOND', [])?.message).toMatch(/connector's own postoffice/);
    expect(checkPostofficeEntry({ network: 'oldnet', postoffice: 'oldpo' }, 'ADATUM/REDMOND', LISTED)).toEqual({ field: 'postoffice', message: 'OLDNET/OLDPO is already listed.' });
  });

  it('lets the line being edited keep its own name', () => {
    expect(checkPostofficeEntry({ network: 'OLDNET', postoffice: 'OLDPO' }, 'ADATUM/REDMOND', LISTED, 0)).toBeNull();
  });
});

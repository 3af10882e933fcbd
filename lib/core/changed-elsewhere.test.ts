import { describe, expect, it } from 'vitest';
import { changedAttributes, listAttribute, rebaseChanges, valueAttribute } from './changed-elsewhere';

const entries = (...texts: string[]) => texts.map((text) => ({ key: text, text }));

describe('changedAttributes', () => {
  it('lists only the attributes that differ, with the value then and now', () => {
    const opened = [valueAttribute('displayName', 'Display name', 'Bob Kelly'), valueAttribute('alias', 'Alias', 'BobK')];
    const now = [valueAttribute('displayName', 'Display name', 'Robert Kelly'), valueAttribute('alias', 'Alias', 'BobK')];
    expect(changedAttributes(opened, now)).toEqual([{ key: 'displayName', label: 'Display name', list: false, opened: ['Bob Kelly'], now: ['Robert Kelly'] }]);
  });

  it('is empty when nothing the sheet shows differs (saved again unchanged)', () => {
    const state = [valueAttribute('hostName', 'Host name', 'mail.adatum.com'), listAttribute('routes', 'Routing table', entries('a', 'b'))];
    expect(changedAttributes(state, state)).toEqual([]);
  });

  it('shows a cleared value as empty, and a value set from empty', () => {
    const changes = changedAttributes([valueAttribute('initials', 'Initials', 'D')], [valueAttribute('initials', 'Initials', '')]);
    expect(changes).toEqual([expect.objectContaining({ opened: ['D'], now: [] })]);
    expect(changedAttributes([valueAttribute('initials', 'Initials', '')], [valueAttribute('initials', 'Initials', 'D')])[0]).toMatchObject({ opened: [], now: ['D'] });
  });

  it('compares a value by its key, not its text', () => {
    const admin = (display: string, directoryName: string) => valueAttribute('administrator', "Administrator's mailbox", display, directoryName);
    // Same mailbox renamed: not a change of this attribute.
    expect(changedAttributes([admin('Administrator', 'Administrator')], [admin('Admin (renamed)', 'Administrator')])).toEqual([]);
    // Another mailbox with the same display name: a change.
    expect(changedAttributes([admin('Help Desk', 'HelpDesk')], [admin('Help Desk', 'HelpDesk2')])).toHaveLength(1);
  });

  it('lists a list by the entries gone and added since, ignoring order', () => {
    const opened = [listAttribute('members', 'Members', entries('Alice', 'Bob', 'Carol'))];
    const now = [listAttribute('members', 'Members', entries('Dave', 'Carol', 'Alice'))];
    expect(changedAttributes(opened, now)).toEqual([{ key: 'members', label: 'Members', list: true, opened: ['Bob'], now: ['Dave'] }]);
    expect(changedAttributes(opened, [listAttribute('members', 'Members', entries('Carol', 'Bob', 'Alice'))])).toEqual([]);
  });

  it('counts an attribute only one side has as empty on the other, keeping the sheet order', () => {
    const opened = [valueAttribute('a', 'A', 'x'), valueAttribute('reply:MS', 'Reply address (MS)', 'MS:ADATUM/REDMOND/BOB')];
    const now = [valueAttribute('a', 'A', 'y'), valueAttribute('reply:CCMAIL', 'Reply address (CCMAIL)', 'CCMAIL:Bob at Redmond')];
    expect(changedAttributes(opened, now).map((c) => [c.label, c.opened, c.now])).toEqual([
      ['A', ['x'], ['y']],
      ['Reply address (MS)', ['MS:ADATUM/REDMOND/BOB'], []],
      ['Reply address (CCMAIL)', [], ['CCMAIL:Bob at Redmond']],
    ]);
  });

  it("adds the admin's own held change to a line both changed, and only there", () => {
    const state = (display: string, first: string) => [valueAttribute('displayName', 'Display name', display), valueAttribute('firstName', 'First name', first)];
    const changes = changedAttributes(state('Bob', 'Bob'), state('Robert', 'Rob'), state('Bobby', 'Bob'));
    expect(changes).toEqual([
      { key: 'displayName', label: 'Display name', list: false, opened: ['Bob'], now: ['Robert'], mine: { opened: ['Bob'], now: ['Bobby'] } },
      { key: 'firstName', label: 'First name', list: false, opened: ['Bob'], now: ['Rob'] },
    ]);
  });
});

describe('rebaseChanges (Overwrite)', () => {
  const opened = { hostName: 'mail.adatum.com', rerouteIncoming: false, routes: [{ sentTo: 'adatum.com', routeTo: 'inbound' }] };

  it("keeps the admin's changed fields and takes every other field as it is now", () => {
    const draft = { ...opened, rerouteIncoming: true };
    const current = { ...opened, hostName: 'smtp.adatum.com' };
    expect(rebaseChanges(opened, draft, current)).toEqual({ ...opened, hostName: 'smtp.adatum.com', rerouteIncoming: true });
  });

  it("lets the admin's value win where both changed the same field, a list as a whole", () => {
    const draft = { ...opened, hostName: 'mine.adatum.com', routes: [...opened.routes, { sentTo: 'cpandl.net', routeTo: 'adatum.com' }] };
    const current = { ...opened, hostName: 'theirs.adatum.com', routes: [{ sentTo: 'adatum.com', routeTo: 'inbound' }, { sentTo: 'domain2.com', routeTo: 'inbound' }] };
    expect(rebaseChanges(opened, draft, current)).toEqual(draft);
  });

  it('is the current state when the admin changed nothing', () => {
    const current = { ...opened, hostName: 'theirs.adatum.com' };
    expect(rebaseChanges(opened, { ...opened }, current)).toEqual(current);
  });
});

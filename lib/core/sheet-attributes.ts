// The attributes of each property sheet, in the sheet's words and order, for the "changed by
// someone else" table (lib/core/changed-elsewhere.ts). Plain shapes: the sheets' held states fit.
import { type AttributeEntry, type SheetAttribute, listAttribute, valueAttribute } from './changed-elsewhere';
import { sentToKey } from './routing/routing-table';
import { ROUTE_INBOUND } from './routing/types';

type Ref = { id: number; displayName: string };

export type RecipientAttributesState = {
  firstName: string;
  initials: string;
  lastName: string;
  displayName: string;
  alias: string;
  targetAddress: string | null;
  proxies: { type: string; address: string; primary: boolean }[];
  members: Ref[];
  memberOf: Ref[];
};

const refs = (list: Ref[]): AttributeEntry[] => list.map((r) => ({ key: String(r.id), text: r.displayName }));

/**
 * General, E-mail Addresses, Members and Distribution Lists. The reply address of each type is an
 * attribute of its own ("Reply address (SMTP)"), so Set As Reply Address reads as one change
 * rather than as two addresses swapping case.
 */
export function recipientAttributes(state: RecipientAttributesState): SheetAttribute[] {
  const types = [...new Set(state.proxies.map((p) => p.type))];
  return [
    valueAttribute('firstName', 'First name', state.firstName),
    valueAttribute('initials', 'Initials', state.initials),
    valueAttribute('lastName', 'Last name', state.lastName),
    valueAttribute('displayName', 'Display name', state.displayName),
    valueAttribute('alias', 'Alias', state.alias),
    valueAttribute('targetAddress', 'Target address', state.targetAddress),
    listAttribute(
      'proxyAddresses',
      'E-mail addresses',
      state.proxies.map((p) => ({ key: `${p.type}:${p.address}`, text: `${p.type}:${p.address}` })),
    ),
    ...types.map((type) => {
      const reply = state.proxies.find((p) => p.type === type && p.primary);
      return valueAttribute(`reply:${type}`, `Reply address (${type})`, reply ? `${type}:${reply.address}` : null);
    }),
    listAttribute('members', 'Members', refs(state.members)),
    listAttribute('memberOf', 'Distribution lists', refs(state.memberOf)),
  ];
}

export type InternetMailServiceAttributesState = {
  hostName: string;
  administrator: { directoryName: string; displayName: string } | null;
  rerouteIncoming: boolean;
  routes: { sentTo: string; routeTo: string }[];
};

/** General (host name), Internet Mail (administrator's mailbox), Routing (the flag and the table). */
export function internetMailServiceAttributes(state: InternetMailServiceAttributesState): SheetAttribute[] {
  const routeText = (r: { sentTo: string; routeTo: string }) => `${r.sentTo} → ${r.routeTo === ROUTE_INBOUND ? '<inbound>' : r.routeTo}`;
  return [
    valueAttribute('hostName', 'Host name', state.hostName, state.hostName.toLowerCase()),
    // Compared by directory name: two mailboxes may share a display name.
    valueAttribute('administrator', "Administrator's mailbox", state.administrator?.displayName ?? null, state.administrator?.directoryName ?? null),
    valueAttribute('rerouteIncoming', 'Reroute incoming SMTP mail', state.rerouteIncoming ? 'Yes' : 'No'),
    listAttribute(
      'routes',
      'Routing table',
      state.routes.map((r) => ({ key: `${sentToKey(r.sentTo)} ${r.routeTo.toLowerCase()}`, text: routeText(r) })),
    ),
  ];
}

export type MsMailConnectorAttributesState = {
  network: string;
  postoffice: string;
  postoffices: { network: string; postoffice: string; connection: string }[];
};

/** Local Postoffice (the connector's own NETWORK/POSTOFFICE) and Connections (the postoffices it knows). */
export function msMailConnectorAttributes(state: MsMailConnectorAttributesState): SheetAttribute[] {
  const local = `${state.network}/${state.postoffice}`;
  return [
    valueAttribute('postoffice', 'Local postoffice', local, local.toUpperCase()),
    listAttribute(
      'postoffices',
      'Connections',
      state.postoffices.map((po) => {
        const text = `${po.network}/${po.postoffice} (${po.connection})`;
        return { key: text.toUpperCase(), text };
      }),
    ),
  ];
}

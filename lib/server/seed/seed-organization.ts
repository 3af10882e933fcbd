import 'server-only';
import { defaultSiteAddressing } from '@/lib/core/site-addressing';
import { db } from '@/lib/server/db';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { updateInternetMailService } from '@/lib/server/routing/update-internet-mail-service';
import { updateMsMailConnector } from '@/lib/server/routing/update-msmail-connector';
import type { CreateRecipientInput } from '@/lib/validation/recipient';

export type SeedMode = 'demo' | 'empty';

type Person = Omit<CreateRecipientInput, 'kind'> & { secondary?: string[] };

/**
 * The people of the five KB articles, so every screen has something true to show.
 * Secondary addresses are added through the E-mail Addresses rules, as an admin would.
 */
const DEMO_MAILBOXES: Person[] = [
  // Q156545: Bob keeps his old MS Mail address as a second MS proxy.
  { alias: 'Bob', firstName: 'Bob', lastName: 'Kelly', displayName: 'Bob Kelly', secondary: ['MS:OLDNET/OLDPO/BOB'] },
  // Q174351: a mailbox that also receives mail as username@domain2.com.
  { alias: 'username', firstName: 'User', lastName: 'Name', displayName: 'User Name', secondary: ['smtp:username@domain2.com'] },
  // Q263199: a department address, user1@example.adatum.com.
  { alias: 'user1', firstName: 'User', initials: '1', lastName: 'One', displayName: 'User One', secondary: ['smtp:user1@example.adatum.com'] },
  // Q242387: the postmaster of a hosted domain is an ordinary secondary address on someone's mailbox.
  { alias: 'HelpDesk', firstName: 'Help', lastName: 'Desk', displayName: 'Help Desk', secondary: ['smtp:postmaster@fabrikam.com'] },
  // Q153270's example name, to show %g.%s generation.
  { alias: 'MarkC', firstName: 'Mark', lastName: 'Clark', displayName: 'Mark Clark' },
  { alias: 'AnneW', firstName: 'Anne', lastName: 'Weiler', displayName: 'Anne Weiler' },
  { alias: 'KimA', firstName: 'Kim', lastName: 'Abercrombie', displayName: 'Kim Abercrombie' },
  { alias: 'JeffH', firstName: 'Jeff', initials: 'D', lastName: 'Hay', displayName: 'Jeff Hay' },
];

/** Creates the organization ADATUM, site REDMOND and its Site Addressing when the directory is empty. */
export async function seedOrganization(mode: SeedMode): Promise<'seeded' | 'present'> {
  if (await db.organization.count()) return 'present';
  await db.organization.create({
    data: {
      name: 'ADATUM',
      sites: { create: { name: 'REDMOND', addressingRules: { create: defaultSiteAddressing('ADATUM', 'REDMOND', 'adatum.com') } } },
    },
  });
  // Q307628 and Q242387: the Administrator's mailbox (the IMS administrator, postmaster@adatum.com).
  await createRecipient({ kind: 'mailbox', alias: 'Administrator', displayName: 'Administrator', directoryName: 'Administrator' });
  await updateMsMailConnector('REDMOND', {
    postoffice: 'ADATUM/REDMOND',
    // Q156545: Bob's old postoffice, defined on MS Mail as indirect via the connector postoffice.
    postoffices: mode === 'empty' ? [] : [
      { network: 'FINNET', postoffice: 'PO1', connection: 'direct' },
      { network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' },
    ],
  });
  if (mode === 'empty') {
    await updateInternetMailService('REDMOND', { hostName: 'mail.adatum.com', administrator: 'Administrator', rerouteIncoming: false, routes: [] });
    return 'seeded';
  }

  const members: string[] = ['Administrator'];
  for (const { secondary = [], ...person } of DEMO_MAILBOXES) {
    const mailbox = await createRecipient({ kind: 'mailbox', ...person });
    members.push(mailbox.directoryName);
    for (const written of secondary) {
      const colon = written.indexOf(':');
      await addProxyAddress(mailbox.id, { type: written.slice(0, colon).toUpperCase(), address: written.slice(colon + 1) });
    }
  }
  await createRecipient({ kind: 'custom', alias: 'PartnerContact', displayName: 'Partner Contact', firstName: 'Partner', lastName: 'Contact', targetAddress: 'SMTP:cust@partner.example' });
  await createRecipient({ kind: 'dl', alias: 'AllStaff', displayName: 'All Staff', members });
  // The Routing tab for the hosted domains above: Q174351 (domain2.com), Q263199 (a department
  // subdomain), Q242387 (fabrikam.com, whose postmaster is the Help Desk). Q307628's rewrites are
  // left for the administrator to add.
  await updateInternetMailService('REDMOND', {
    hostName: 'mail.adatum.com',
    administrator: 'Administrator',
    rerouteIncoming: true,
    routes: [
      { sentTo: 'adatum.com', routeTo: 'inbound' },
      { sentTo: 'domain2.com', routeTo: 'inbound' },
      { sentTo: 'example.adatum.com', routeTo: 'inbound' },
      { sentTo: 'fabrikam.com', routeTo: 'inbound' },
    ],
  });
  return 'seeded';
}

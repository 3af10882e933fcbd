// How the Routing Preview shows a RoutingResult: verdict words, links to the configuration
// objects the steps used, and the path diagram built from the steps' stages. Plain functions over
// the resolver's result; the rules themselves live in lib/core/routing/resolve.ts.
import { routingObjectPath } from '@/components/connections/routing-object-path';
import { type PreviewOrigin } from '@/components/shell/paths';
import { ORIGIN_LABELS, type Origin, type RoutedMember, type RoutingObject, type RoutingResult, type RoutingStage, type RoutingStep, type Verdict } from '@/lib/core/routing/types';

/** The verdict in a word or two, as the banner and the recipient table show it. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  delivered: 'Delivered',
  forwarded: 'Forwarded',
  expanded: 'Expanded',
  'sent-to-internet': 'Sent to the Internet',
  ndr: 'Non-delivery report',
  rejected: 'Refused',
};

/** "The Internet", "A user in this organization", "An MS Mail user": the radio buttons' labels. */
export const originChoice = (origin: Origin) => ORIGIN_LABELS[origin].charAt(0).toUpperCase() + ORIGIN_LABELS[origin].slice(1);

/**
 * Where mail to an address of this type naturally comes from (recipient mode): SMTP from the
 * Internet, MS from an MS Mail user (Q156545: only they use the old postoffice), any other type
 * from a user in this organization.
 */
export function naturalOrigin(type: string): PreviewOrigin {
  const t = type.toUpperCase();
  return t === 'SMTP' ? 'internet' : t === 'MS' ? 'msmail' : 'exchange';
}

/** The address as the preview's field takes it: SMTP bare, other types with their prefix. */
export const previewAddress = (type: string, address: string) => (type.toUpperCase() === 'SMTP' ? address : `${type.toUpperCase()}:${address}`);

/** Exchange's written form: upper-case type for the reply address, lower-case for the others. */
export const writtenAddress = (type: string, address: string, primary: boolean) => `${primary ? type.toUpperCase() : type.toLowerCase()}:${address}`;

/** Display names of the recipients a result mentions (the recipient and every list member). */
export function recipientNames(result: RoutingResult): Map<number, string> {
  const names = new Map<number, string>();
  if (result.recipient) names.set(result.recipient.id, result.recipient.displayName);
  const walk = (members: RoutedMember[] | undefined) => {
    for (const member of members ?? []) {
      names.set(member.recipient.id, member.recipient.displayName);
      walk(member.members);
    }
  };
  walk(result.members);
  return names;
}

const IMS_TABS = { general: 'General', 'internet-mail': 'Internet Mail', routing: 'Routing' } as const;

/** The link to the configuration object a step used, so the administrator can click through and fix it. */
export function objectLink(site: string, object: RoutingObject, names: ReadonlyMap<number, string>): { href: string; label: string } {
  const href = routingObjectPath(site, object);
  switch (object.kind) {
    case 'routing-entry':
      // The site SMTP domain is inbound without an entry of its own: it comes from Site Addressing.
      return { href, label: object.implicit ? `Site Addressing: site SMTP domain ${object.sentTo}` : `Routing entry ${object.sentTo} → ${object.routeTo}` };
    case 'internet-mail-service':
      return { href, label: `Internet Mail Service, ${IMS_TABS[object.tab]} tab` };
    case 'proxy-address': {
      const holder = names.get(object.recipientId);
      return { href, label: `E-mail address ${writtenAddress(object.type, object.address, object.primary)}${holder ? ` of ${holder}` : ''}` };
    }
    case 'recipient':
      return { href, label: `${names.get(object.recipientId) ?? `Recipient ${object.recipientId}`} Properties` };
    case 'postoffice':
      return { href, label: `MS Mail postoffice ${object.network}/${object.postoffice} (${object.connection})` };
    case 'msmail-connector':
      return { href, label: 'MS Mail Connector, Local Postoffice' };
    case 'site-addressing':
      return { href, label: 'Site Addressing' };
  }
}

/** The "Replies will come from ..." sentence of the delivery step, when the sender used another address (Q307628). */
export function replyNote(result: RoutingResult): string | null {
  const step = result.steps.find((s) => s.rule === 'deliver.mailbox');
  const at = step?.detail.indexOf('Replies will come from') ?? -1;
  return step && at >= 0 ? step.detail.slice(at) : null;
}

// ---------------------------------------------------------------------------------------------
// The path diagram

export type DiagramNode = {
  stage: RoutingStage;
  label: string;
  detail: string;
  /** What the routing table did on the way into this node: `cpandl.net → adatum.com`, `adatum.com: inbound`. */
  via: string[];
  final: boolean;
};

export type Diagram = { nodes: DiagramNode[]; description: string };

const STAGE_LABELS: Record<RoutingStage, string> = {
  sender: 'Sender',
  dns: 'DNS',
  ims: 'Internet Mail Service',
  reroute: 'Routing table',
  directory: 'Directory',
  mailbox: 'Mailbox',
  custom: 'Custom recipient',
  list: 'Distribution list',
  connector: 'MS Mail Connector',
  msmail: 'MS Mail',
  internet: 'Internet',
};

function rerouteLabel(step: RoutingStep): string | null {
  if (step.object?.kind !== 'routing-entry') return null;
  if (step.rule === 'reroute.rewrite') return `${step.object.sentTo} → ${step.object.routeTo}`;
  if (step.rule === 'reroute.inbound') return `${step.object.sentTo}: inbound`;
  return null;
}

function nodeDetail(stage: RoutingStage, steps: RoutingStep[], result: RoutingResult): string {
  const last = steps[steps.length - 1];
  if (stage === 'sender') return originChoice(result.origin);
  if (stage === 'dns') return last.rule === 'exchange.loopback' ? 'back in through the MX record' : 'MX record not checked';
  if (stage === 'internet' && result.verdict === 'sent-to-internet') return result.finalAddress;
  return last.title;
}

/**
 * The message's path from the steps' stages: a node per run of steps in one stage. The routing
 * table is drawn on the arrow into the next node (its rewrites, e.g. `cpandl.net → adatum.com`),
 * and after DNS the Internet Mail Service that applies it gets a node of its own. A routing table
 * that ends the path (a rewrite loop) is a node. The last node carries the verdict.
 */
export function buildDiagram(result: RoutingResult): Diagram {
  const runs: { stage: RoutingStage; steps: RoutingStep[] }[] = [];
  for (const step of result.steps) {
    const run = runs[runs.length - 1];
    if (run && run.stage === step.stage) run.steps.push(step);
    else runs.push({ stage: step.stage, steps: [step] });
  }
  const nodes: DiagramNode[] = [];
  let via: string[] = [];
  runs.forEach((run, index) => {
    const final = index === runs.length - 1;
    if (run.stage === 'reroute') {
      if (nodes[nodes.length - 1]?.stage === 'dns') nodes.push({ stage: 'ims', label: STAGE_LABELS.ims, detail: 'Routing tab', via, final: false });
      via = run.steps.map(rerouteLabel).filter((label): label is string => label !== null);
      if (!final) return;
    }
    nodes.push({ stage: run.stage, label: STAGE_LABELS[run.stage], detail: nodeDetail(run.stage, run.steps, result), via, final });
    via = [];
  });
  const parts = nodes.map((node) => `${node.via.length ? `routing table ${node.via.join(', then ')}; ` : ''}${node.label} (${node.detail})`);
  return { nodes, description: `Path of the message: ${parts.join('; ')}. Outcome: ${VERDICT_WORDS[result.verdict].toLowerCase()}.` };
}

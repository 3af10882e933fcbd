import { connection } from 'next/server';
import { PreviewForm } from '@/components/routing-preview/PreviewForm';
import { RecipientRouting, type AddressPreview } from '@/components/routing-preview/RecipientRouting';
import { RoutingResultView } from '@/components/routing-preview/RoutingResultView';
import { VERDICT_WORDS, naturalOrigin, previewAddress } from '@/components/routing-preview/describe';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { ToolWindow } from '@/components/shell/ToolWindow';
import { paths } from '@/components/shell/paths';
import type { RoutingResult } from '@/lib/core/routing/types';
import { AppError } from '@/lib/server/errors';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { previewRouting, previewRoutingBatch } from '@/lib/server/routing/preview-routing';
import { parseRecordId } from '@/lib/validation/record-id';
import { parsePreviewParams } from '@/lib/validation/routing';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ site: string }>; searchParams: Promise<SearchParams> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** One address: the resolver's result, or its message for the field it cannot judge. */
async function previewOne(site: string, address: string, origin: AddressPreview['origin']) {
  try {
    return { result: await previewRouting({ address, origin, site }), errors: {} };
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input' && (error.fields?.address || error.fields?.origin)) {
      return { result: null, errors: { address: error.fields.address, origin: error.fields.origin } };
    }
    throw error;
  }
}

type RecipientMode = { found: true; recipient: RecipientDetail; rows: AddressPreview[] } | { found: false; message: string };

/** Recipient mode: every saved address of the recipient, or a message when there is no such recipient. */
async function previewRecipient(site: string, idParam: string): Promise<RecipientMode> {
  const id = parseRecordId(idParam);
  if (id === null) return { found: false, message: `'${idParam.slice(0, 40)}' is not a recipient id.` };
  const recipient = await getRecipient(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  if (!recipient) return { found: false, message: `There is no recipient with id ${id}. It may have been deleted.` };
  const items = recipient.proxyAddresses.map((proxy) => ({ ...proxy, origin: naturalOrigin(proxy.type) }));
  const answers = await previewRoutingBatch(items.map((item) => ({ address: previewAddress(item.type, item.address), origin: item.origin, site })));
  const rows: AddressPreview[] = items.map((item, index) => {
    const answer = answers[index];
    return {
      ...item,
      outcome: 'error' in answer ? { ok: false, message: answer.error.fields?.address ?? answer.error.fields?.origin ?? answer.error.message } : { ok: true, result: answer as RoutingResult },
    };
  });
  return { found: true, recipient, rows };
}

/** Routing Preview (Tools menu): where does mail to this address land, and why? */
export default async function RoutingPreviewPage({ params, searchParams }: Props) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const query = await searchParams;
  const input = parsePreviewParams(query);
  const asked = first(query.address) !== undefined;
  const recipientParam = first(query.recipient);

  const single = asked ? await previewOne(site, input.address, input.origin) : null;
  const byRecipient = !asked && recipientParam !== undefined ? await previewRecipient(site, recipientParam) : null;

  const status = single?.result
    ? VERDICT_WORDS[single.result.verdict]
    : byRecipient?.found
      ? `${byRecipient.rows.length} address${byRecipient.rows.length === 1 ? '' : 'es'}`
      : undefined;

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site' }} status={status}>
      <ToolWindow titleId="routing-preview-title" title={`Routing Preview - ${site}`} icon="connections" className="routing-preview" bodyClassName="routing-preview-body">
          <PreviewForm
            action={paths.routingPreview(site)}
            address={input.address}
            origin={input.origin}
            errors={single?.errors ?? {}}
            autoFocus={!single?.result && !byRecipient}
          />
          <div className="routing-preview-output">
            {single?.result && <RoutingResultView site={site} result={single.result} />}
            {byRecipient?.found && <RecipientRouting site={site} recipient={byRecipient.recipient} rows={byRecipient.rows} />}
            {byRecipient && !byRecipient.found && (
              <p className="routing-preview-message" role="alert">
                {byRecipient.message}
              </p>
            )}
            {!single && !byRecipient && (
              <p className="hint routing-preview-intro">
                Type an address (administrator@cpandl.net, MS:OLDNET/OLDPO/BOB, ...) and choose where the message comes from to see where it lands: delivered, forwarded, expanded, sent to the Internet,
                returned with a non-delivery report or refused, and each rule on the way (the Internet Mail Service&apos;s Routing tab, the
                directory&apos;s proxy addresses, the MS Mail Connector&apos;s postoffices).
              </p>
            )}
          </div>
      </ToolWindow>
    </ConsoleWindow>
  );
}

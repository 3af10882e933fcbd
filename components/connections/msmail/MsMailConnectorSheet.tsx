'use client';
// MS Mail Connector property sheet: Local Postoffice (the connector's own NET/PO) and
// Connections (the MS Mail postoffices it knows). Tabs have their own URLs; the changes of both
// are held here until Apply or OK saves them together.
import { useRouter, useSelectedLayoutSegment } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { updateMsMailConnectorAction } from '@/app/actions/connections';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { type MsMailConnectorTab, paths } from '@/components/shell/paths';
import type { HealthProblem } from '@/lib/core/routing/health';
import type { PostofficeDefinition } from '@/lib/core/routing/types';
import type { MsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { msMailConnectorSchema } from '@/lib/validation/routing';
import { checkMsName } from '@/lib/core/addresses';

export type ConnectorDraft = { network: string; postoffice: string; postoffices: PostofficeDefinition[] };

type SheetContext = {
  site: string;
  draft: ConnectorDraft;
  update: (change: Partial<ConnectorDraft>) => void;
  fieldErrors: Record<string, string>;
  /** Site Addressing's MS rule (NET/PO), where recipients' MS addresses are generated. */
  siteAddressingPostoffice: string | null;
  /** Routing Health findings about the postoffices (saved configuration). */
  problems: HealthProblem[];
  dirty: boolean;
};

const Context = createContext<SheetContext | null>(null);

export function useMsMailConnector(): SheetContext {
  const context = useContext(Context);
  if (!context) throw new Error('useMsMailConnector outside an MsMailConnectorSheet');
  return context;
}

function draftOf(connector: MsMailConnector): ConnectorDraft {
  const [network = '', postoffice = ''] = connector.postoffice.split('/');
  return { network, postoffice, postoffices: connector.postoffices.map(({ network, postoffice, connection }) => ({ network, postoffice, connection })) };
}

const TABS: { id: MsMailConnectorTab; label: string }[] = [
  { id: 'local-postoffice', label: 'Local Postoffice' },
  { id: 'connections', label: 'Connections' },
];

type Props = { connector: MsMailConnector; siteAddressingPostoffice: string | null; problems: HealthProblem[]; children: ReactNode };

export function MsMailConnectorSheet({ connector, siteAddressingPostoffice, problems, children }: Props) {
  const router = useRouter();
  const site = connector.site;
  const segment = useSelectedLayoutSegment() ?? 'local-postoffice';
  const [saved, setSaved] = useState(() => draftOf(connector));
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const close = () => router.push(paths.connections(site));

  const update = useCallback((change: Partial<ConnectorDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setFieldErrors({});
    setError(undefined);
  }, []);

  const save = async (thenClose: boolean) => {
    if (!dirty) return thenClose ? close() : undefined;
    const nameProblem = (value: string, part: 'network' | 'postoffice') => {
      const check = checkMsName(value.trim(), part);
      return check.ok ? null : check.message;
    };
    const network = nameProblem(draft.network, 'network');
    const postoffice = nameProblem(draft.postoffice, 'postoffice');
    if (network || postoffice) {
      setFieldErrors({ ...(network ? { network } : {}), ...(postoffice ? { postoffice } : {}) });
      setError(`Local Postoffice tab: ${network ?? postoffice}`);
      return;
    }
    const input = { postoffice: `${draft.network.trim()}/${draft.postoffice.trim()}`, postoffices: draft.postoffices };
    const parsed = msMailConnectorSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path[0] === 'postoffices' ? 'Connections tab: ' : 'Local Postoffice tab: ';
      setError(`${where}${issue?.message ?? 'The input is not valid.'}`);
      return;
    }
    setBusy(true);
    const result = await updateMsMailConnectorAction(site, input);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    const fresh = draftOf(result.data);
    setSaved(fresh);
    setDraft(fresh);
    setError(undefined);
    if (thenClose) close();
    else startTransition(() => router.refresh());
  };

  const tabs = TABS.map((tab) => ({ ...tab, href: paths.msMailConnector(site, tab.id) }));
  const value = useMemo(
    () => ({ site, draft, update, fieldErrors, siteAddressingPostoffice, problems, dirty }),
    [site, draft, update, fieldErrors, siteAddressingPostoffice, problems, dirty],
  );

  return (
    <Context.Provider value={value}>
      <PropertySheet
        title={`MS Mail Connector (${saved.network}/${saved.postoffice})`}
        tabs={tabs}
        activeTab={tabs.some((t) => t.id === segment) ? segment : 'local-postoffice'}
        busy={busy}
        error={error}
        applyDisabled={!dirty}
        onApply={() => void save(false)}
        onOk={() => void save(true)}
        onCancel={close}
      >
        {children}
      </PropertySheet>
    </Context.Provider>
  );
}

'use client';
// MS Mail Connector property sheet: Local Postoffice (the connector's own NET/PO) and
// Connections (the MS Mail postoffices it knows). Tabs have their own URLs; the changes of both
// are held here until Apply or OK saves them together.
import { useRouter, useSelectedLayoutSegment } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { getMsMailConnectorAction, updateMsMailConnectorAction } from '@/app/actions/connections';
import { ChangedElsewhereDialog } from '@/components/shell/ChangedElsewhereDialog';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { ReadOnlyFields } from '@/components/shell/ReadOnlyFields';
import { type MsMailConnectorTab, paths } from '@/components/shell/paths';
import { type AttributeChange, changedAttributes, rebaseChanges } from '@/lib/core/changed-elsewhere';
import type { HealthProblem } from '@/lib/core/routing/health';
import type { PostofficeDefinition } from '@/lib/core/routing/types';
import type { MsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { msMailConnectorSchema } from '@/lib/validation/routing';
import { checkMsName } from '@/lib/core/addresses';
import { msMailConnectorAttributes } from '@/lib/core/sheet-attributes';

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

type ChangedElsewhere = { current: MsMailConnector; changes: AttributeChange[]; thenClose: boolean };

/** What a save sends: the held state, the version it is based on, and the state that version held. */
type Attempt = { state: ConnectorDraft; base: number; opened: ConnectorDraft };

type Props = {
  connector: MsMailConnector;
  siteAddressingPostoffice: string | null;
  problems: HealthProblem[];
  /** Why the administrator cannot change the connector (their role); the sheet then shows it read-only. */
  readOnly?: string;
  children: ReactNode;
};

export function MsMailConnectorSheet({ connector, siteAddressingPostoffice, problems, readOnly, children }: Props) {
  const router = useRouter();
  const site = connector.site;
  const segment = useSelectedLayoutSegment() ?? 'local-postoffice';
  const [saved, setSaved] = useState(() => draftOf(connector));
  const [draft, setDraft] = useState(saved);
  // The version the sheet opened (or last saved): Apply sends it back, so that a save over
  // someone else's change is refused instead of silently undoing it.
  const [version, setVersion] = useState(connector.version);
  const [changedElsewhere, setChangedElsewhere] = useState<ChangedElsewhere | null>(null);
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

  const accept = (stored: MsMailConnector) => {
    const fresh = draftOf(stored);
    setSaved(fresh);
    setDraft(fresh);
    setVersion(stored.version);
    setError(undefined);
    setFieldErrors({});
  };

  /**
   * Someone else saved the connector after this sheet opened it (409 with the current version):
   * load what is stored now and show what differs; nothing is saved until Overwrite.
   */
  const showChangedElsewhere = async (opened: ConnectorDraft, state: ConnectorDraft, thenClose: boolean) => {
    const current = await getMsMailConnectorAction(site);
    if (!current.ok) {
      setError(current.message);
      return;
    }
    const changes = changedAttributes(msMailConnectorAttributes(opened), msMailConnectorAttributes(draftOf(current.data)), msMailConnectorAttributes(state));
    setChangedElsewhere({ current: current.data, changes, thenClose });
  };

  const save = async (thenClose: boolean, { state, base, opened }: Attempt = { state: draft, base: version, opened: saved }) => {
    const nameProblem = (value: string, part: 'network' | 'postoffice') => {
      const check = checkMsName(value.trim(), part);
      return check.ok ? null : check.message;
    };
    const network = nameProblem(state.network, 'network');
    const postoffice = nameProblem(state.postoffice, 'postoffice');
    if (network || postoffice) {
      setFieldErrors({ ...(network ? { network } : {}), ...(postoffice ? { postoffice } : {}) });
      setError(`Local Postoffice tab: ${network ?? postoffice}`);
      return;
    }
    const input = { postoffice: `${state.network.trim()}/${state.postoffice.trim()}`, postoffices: state.postoffices, version: base };
    const parsed = msMailConnectorSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path[0] === 'postoffices' ? 'Connections tab: ' : 'Local Postoffice tab: ';
      setError(`${where}${issue?.message ?? 'The input is not valid.'}`);
      return;
    }
    setBusy(true);
    const result = await updateMsMailConnectorAction(site, input);
    if (!result.ok && result.code === 'conflict' && result.fields?.version !== undefined) {
      await showChangedElsewhere(opened, state, thenClose);
      setBusy(false);
      return;
    }
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    accept(result.data);
    if (thenClose) close();
    else startTransition(() => router.refresh());
  };

  /** Reload: the admin's changes are dropped and the sheet shows what is stored now. */
  const reload = (current: MsMailConnector) => {
    setChangedElsewhere(null);
    accept(current);
    startTransition(() => router.refresh());
  };

  /**
   * Overwrite: the admin's changes on top of what is stored now (what the admin did not change
   * keeps its current value), sent with the current version.
   */
  const overwrite = ({ current, thenClose }: ChangedElsewhere) => {
    const now = draftOf(current);
    const rebased = rebaseChanges(saved, draft, now);
    setChangedElsewhere(null);
    setSaved(now);
    setDraft(rebased);
    setVersion(current.version);
    void save(thenClose, { state: rebased, base: current.version, opened: now });
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
        applyDisabled={!dirty || !!readOnly}
        onApply={() => dirty && !readOnly && void save(false)}
        onOk={() => (dirty && !readOnly ? void save(true) : close())}
        onCancel={close}
      >
        <ReadOnlyFields reason={readOnly}>{children}</ReadOnlyFields>
      </PropertySheet>
      {changedElsewhere && (
        <ChangedElsewhereDialog
          objectName={`The MS Mail Connector (${saved.network}/${saved.postoffice})`}
          changes={changedElsewhere.changes}
          busy={busy}
          onReload={() => reload(changedElsewhere.current)}
          onOverwrite={() => overwrite(changedElsewhere)}
          onCancel={() => {
            setChangedElsewhere(null);
            setError('Nothing was saved: the MS Mail Connector was changed by someone else after you opened it.');
          }}
        />
      )}
    </Context.Provider>
  );
}

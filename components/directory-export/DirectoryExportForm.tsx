'use client';
// Tools → Directory Export (Exchange Administrator's dialog, KB Q155594's format): the container,
// which objects, a filter, the columns, and Export. Export first fetches the file: when values
// cannot be written (a '%' inside a multi-valued value, ~DEL) the problems are shown instead of
// saving a file that would read back wrongly; otherwise the fetched file is saved under the name
// the server gave it. Enter anywhere in the form presses Export (the default button), as in a
// Windows dialog; Alt with an underlined letter moves to that control.
import { useRouter } from 'next/navigation';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { paths } from '@/components/shell/paths';
import { parseMnemonic } from '@/components/shell/menus';
import { IMPORT_ATTRIBUTES } from '@/lib/core/directory-import/format';
import type { ExportColumn } from '@/lib/core/directory-import/format';
import type { ExportProblem } from '@/lib/core/directory-import/write-export';
import { ALWAYS_WRITTEN, type DirectoryExportChoices, EXPORT_COLUMNS, MAX_FILTER_LENGTH, directoryExportParams } from '@/lib/validation/directory-export';
import { RECIPIENT_KINDS, type RecipientKind } from '@/lib/validation/recipient';
import { countRecipients, fetchExport } from './api';
import { saveBlob } from './download';
import { ExportProblems } from './ExportProblems';
import './directory-export.css';

/** Exchange's "Export objects" check boxes, with their mnemonics. */
const KIND_CHOICES: Record<RecipientKind, string> = { mailbox: '&Mailboxes', custom: 'Custom &recipients', dl: '&Distribution lists' };

/** What each column holds, where its header name does not say. */
const COLUMN_NOTES: Partial<Record<ExportColumn, string>> = {
  targetAddress: "a custom recipient's target",
  proxyAddresses: 'every e-mail address; SMTP: marks the reply address',
  secondaryProxyAddresses: 'the addresses other than reply addresses',
  members: "a distribution list's members",
};

type Outcome =
  | { type: 'saved'; fileName: string; count: number }
  | { type: 'problems'; problems: ExportProblem[]; problemCount: number }
  | { type: 'error'; message: string };

type Count = { choices: string; value: number | null };

export type DirectoryExportFormProps = {
  site: string;
  sites: string[];
  initial: DirectoryExportChoices;
};

/**
 * A label whose `&` letter is underlined (the Alt key's mnemonic). One span: 98.css makes labels
 * inline-flex, and separate flex items would give the control a name with spaces ("C o ntainer").
 */
function MnemonicText({ label }: { label: string }) {
  const { text, index } = parseMnemonic(label);
  if (index < 0) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, index)}
      <u>{text[index]}</u>
      {text.slice(index + 1)}
    </span>
  );
}

const mnemonicOf = (label: string) => parseMnemonic(label).mnemonic;

const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

export function DirectoryExportForm({ site, sites, initial }: DirectoryExportFormProps) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [kinds, setKinds] = useState<RecipientKind[]>(initial.kinds);
  const [q, setQ] = useState(initial.q);
  const [columns, setColumns] = useState<ExportColumn[]>(initial.columns);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [count, setCount] = useState<Count | null>(null);

  const choices: DirectoryExportChoices = { kinds, q, columns };
  // What the count depends on; a count for other choices is shown greyed until the new one comes.
  const countKey = JSON.stringify([site, kinds, q.trim()]);

  useEffect(() => {
    const controller = new AbortController();
    // Typing in the filter asks once it pauses, not on every key.
    const timer = setTimeout(() => {
      countRecipients(site, { kinds, q, columns: [] }, controller.signal).then(
        (value) => setCount({ choices: countKey, value }),
        () => {
          if (!controller.signal.aborted) setCount({ choices: countKey, value: null });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // countKey stands for the site, the kinds and the trimmed filter: a new count only when one changes.
  }, [countKey]);

  const toggleKind = (kind: RecipientKind) =>
    setKinds((current) => RECIPIENT_KINDS.filter((k) => (k === kind ? !current.includes(k) : current.includes(k))));
  // Columns stay in the header's order whatever order they are ticked in.
  const toggleColumn = (column: ExportColumn) =>
    setColumns((current) => EXPORT_COLUMNS.filter((c) => (c === column ? !current.includes(c) : current.includes(c))));

  const pageUrl = (name: string) => withQuery(paths.directoryExport(name), directoryExportParams(choices));

  async function exportFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (kinds.length === 0) {
      setOutcome({ type: 'error', message: 'Choose at least one kind of object to export: mailboxes, custom recipients or distribution lists.' });
      return;
    }
    // The window's URL keeps the choices, so a reload or a shared link exports the same view.
    window.history.replaceState(null, '', pageUrl(site));
    setBusy(true);
    setOutcome(null);
    const answer = await fetchExport(site, choices);
    setBusy(false);
    if (answer.type === 'file') {
      saveBlob(answer.blob, answer.fileName);
      setOutcome({ type: 'saved', fileName: answer.fileName, count: answer.count });
    } else {
      setOutcome(answer);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    // Enter presses the default button from a check box or the container list too (a text box does so itself).
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox'))) {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    // Alt+letter: the control whose label underlines it (before the menu bar sees the key).
    if (event.altKey && !event.ctrlKey && !event.metaKey && /^Key[A-Z]$/.test(event.code)) {
      const control = formRef.current?.querySelector<HTMLElement>(`[data-mnemonic="${event.code.slice(3).toLowerCase()}"]`);
      if (!control) return;
      event.preventDefault();
      // A check box's own letter ticks it, as in Windows; a group's letter only moves into the group.
      if (control instanceof HTMLInputElement && control.type === 'checkbox' && !control.hasAttribute('data-mnemonic-group')) control.click();
      control.focus();
    }
  }

  // While a new count is on its way the last one stays, marked busy, rather than flickering.
  const countIsCurrent = kinds.length === 0 || count?.choices === countKey;
  const shownCount = kinds.length === 0 ? 0 : count ? count.value : undefined;
  const containerLabel = 'C&ontainer:';
  const filterLabel = 'Display name, &alias or address begins with:';
  const columnsLabel = 'Co&lumns to include';
  const firstColumn = EXPORT_COLUMNS[0];

  return (
    <form ref={formRef} className="directory-export-form" aria-label="Directory Export" onSubmit={exportFile} onKeyDown={onKeyDown} aria-busy={busy}>
      <div className="export-row">
        <label htmlFor={`${id}-site`}>
          <MnemonicText label={containerLabel} />
        </label>
        <select
          id={`${id}-site`}
          name="site"
          value={site}
          data-mnemonic={mnemonicOf(containerLabel)}
          autoFocus
          onChange={(event) => router.push(withQuery(paths.directoryExport(event.target.value), directoryExportParams(choices)))}
        >
          {sites.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span className="export-note">Recipients</span>
      </div>

      <fieldset className="export-objects">
        <legend>Export objects</legend>
        {RECIPIENT_KINDS.map((kind) => (
          <div key={kind} className="field-row">
            <input
              id={`${id}-kind-${kind}`}
              type="checkbox"
              name="kind"
              value={kind}
              checked={kinds.includes(kind)}
              onChange={() => toggleKind(kind)}
              data-mnemonic={mnemonicOf(KIND_CHOICES[kind])}
            />
            <label htmlFor={`${id}-kind-${kind}`}>
              <MnemonicText label={KIND_CHOICES[kind]} />
            </label>
          </div>
        ))}
      </fieldset>

      <div className="export-row">
        <label htmlFor={`${id}-q`}>
          <MnemonicText label={filterLabel} />
        </label>
        <input
          id={`${id}-q`}
          name="q"
          type="text"
          className="export-filter"
          value={q}
          maxLength={MAX_FILTER_LENGTH}
          onChange={(event) => setQ(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-mnemonic={mnemonicOf(filterLabel)}
          aria-describedby={`${id}-q-note`}
        />
      </div>
      <p id={`${id}-q-note`} className="export-note export-filter-note">
        As the Recipients list&apos;s Find: the recipients whose display name, alias or any e-mail address begins with it, in any case (smtp:… for one address type). Empty exports the whole container.
      </p>

      <fieldset className="export-columns">
        <legend>
          <MnemonicText label={columnsLabel} />
        </legend>
        {ALWAYS_WRITTEN.map((name, index) => (
          <div key={name} className="field-row">
            <input id={`${id}-always-${index}`} type="checkbox" checked disabled readOnly />
            <label htmlFor={`${id}-always-${index}`}>{name}</label>
          </div>
        ))}
        {EXPORT_COLUMNS.map((column) => (
          <div key={column} className="field-row">
            <input
              id={`${id}-column-${column}`}
              type="checkbox"
              name="columns"
              value={column}
              checked={columns.includes(column)}
              onChange={() => toggleColumn(column)}
              data-mnemonic={column === firstColumn ? mnemonicOf(columnsLabel) : undefined}
              data-mnemonic-group={column === firstColumn ? '' : undefined}
              aria-describedby={COLUMN_NOTES[column] ? `${id}-note-${column}` : undefined}
            />
            <label htmlFor={`${id}-column-${column}`}>{IMPORT_ATTRIBUTES[column]}</label>
            {COLUMN_NOTES[column] && (
              <span id={`${id}-note-${column}`} className="export-note">
                ({COLUMN_NOTES[column]})
              </span>
            )}
          </div>
        ))}
      </fieldset>

      <div className="export-actions">
        <p className={`export-count${countIsCurrent ? '' : ' export-count-stale'}`} aria-live="polite" aria-atomic="true" aria-busy={!countIsCurrent}>
          Recipients to export:{' '}
          <span className="export-count-value">{shownCount === undefined ? 'counting…' : shownCount === null ? 'unknown (the count failed)' : shownCount.toLocaleString('en-US')}</span>
        </p>
        <button type="submit" className="default" disabled={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>

      <div className="export-outcome">
        {outcome?.type === 'saved' && (
          <p className="export-saved" role="status">
            Exported {outcome.count.toLocaleString('en-US')} recipient{outcome.count === 1 ? '' : 's'} to {outcome.fileName}.
          </p>
        )}
        {outcome?.type === 'error' && (
          <p className="export-error" role="alert">
            {outcome.message}
          </p>
        )}
        {outcome?.type === 'problems' && <ExportProblems site={site} problems={outcome.problems} problemCount={outcome.problemCount} />}
      </div>
    </form>
  );
}

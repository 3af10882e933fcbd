'use client';
// File → New Mailbox / New Custom Recipient / New Distribution List: a property sheet with the
// General fields. OK creates the recipient (with one reply address of each type Site Addressing
// enables) and returns to the list; Apply creates it and keeps its property sheet open.
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { createRecipientAction } from '@/app/actions/recipients';
import { Field } from '@/components/forms/Field';
import { PropertySheet } from '@/components/shell/PropertySheet';
import type { RecipientRef } from '@/lib/server/recipients/select';
import { KIND_LABELS, LIMITS, type RecipientKind, createRecipientSchema } from '@/lib/validation/recipient';
import { RecipientIcon } from './RecipientIcon';
import { RecipientPicker } from './RecipientPicker';
import { recipientSheetPath, recipientsListPath } from './paths';
import { TargetAddressDialog, TargetAddressRow } from './sheet/TargetAddressDialog';

type Form = { firstName: string; initials: string; lastName: string; displayName: string; alias: string; directoryName: string };

/**
 * Exchange fills Display and Alias from the names as you type, until you edit them yourself:
 * display "First Last", alias the first name and the last name's initial (Mark Clark → MarkC).
 */
function autoNames(form: Form) {
  const displayName = [form.firstName, form.lastName].filter(Boolean).join(' ');
  const alias = `${form.firstName}${form.lastName.slice(0, 1)}`.replace(/[\s@"(),:;<>[\]\\]/g, '');
  return { displayName, alias };
}

export function NewRecipientSheet({ site, kind }: { site: string; kind: RecipientKind }) {
  const router = useRouter();
  const [form, setForm] = useState<Form>({ firstName: '', initials: '', lastName: '', displayName: '', alias: '', directoryName: '' });
  // Which names the admin typed by hand (they stop following First and Last). A ref, not state:
  // two quick edits (Display, then Alias) run before a re-render, and the second must already
  // know the first was typed — with state it read a stale copy and blanked the display name.
  const touched = useRef({ displayName: false, alias: false, directoryName: false });
  const [target, setTarget] = useState<string | null>(null);
  const [askTarget, setAskTarget] = useState(kind === 'custom');
  const [members, setMembers] = useState<RecipientRef[]>([]);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const isPerson = kind !== 'dl';

  const set = (field: keyof Form) => (value: string) => {
    setFieldErrors({});
    setError(undefined);
    if (field in touched.current) touched.current = { ...touched.current, [field]: true };
    const touchedNow = touched.current;
    setForm((current) => {
      const next = { ...current, [field]: value };
      const auto = autoNames(next);
      if (!touchedNow.displayName && isPerson) next.displayName = auto.displayName;
      if (!touchedNow.alias && isPerson) next.alias = auto.alias;
      if (!touchedNow.directoryName) next.directoryName = next.alias;
      return next;
    });
  };

  const create = async () => {
    const input = {
      kind,
      site,
      alias: form.alias,
      displayName: form.displayName,
      directoryName: form.directoryName || undefined,
      ...(isPerson ? { firstName: form.firstName || undefined, initials: form.initials || undefined, lastName: form.lastName || undefined } : {}),
      ...(kind === 'custom' && target ? { targetAddress: target } : {}),
      ...(kind === 'dl' ? { members: members.map((m) => m.directoryName) } : {}),
    };
    const parsed = createRecipientSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      setError(parsed.error.issues[0]?.message);
      return null;
    }
    setBusy(true);
    const result = await createRecipientAction(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return null;
    }
    return result.data;
  };

  const title = `New ${KIND_LABELS[kind]}`;
  return (
    <>
      <PropertySheet
        title={title}
        tabs={[{ id: 'general', label: 'General', href: `/sites/${encodeURIComponent(site)}/recipients/new?kind=${kind}` }]}
        activeTab="general"
        busy={busy}
        error={error}
        applyDisabled={false}
        onCancel={() => router.push(recipientsListPath(site))}
        onOk={async () => {
          const created = await create();
          if (created) router.push(recipientsListPath(site, '', created.id));
        }}
        onApply={async () => {
          const created = await create();
          if (created) router.replace(recipientSheetPath(site, created.id, 'email-addresses'));
        }}
      >
        <div className="general-tab">
          {isPerson && (
            <div className="name-row">
              <Field label="First:" value={form.firstName} maxLength={LIMITS.firstName} onChange={set('firstName')} error={fieldErrors.firstName} data-autofocus />
              <Field label="Initials:" value={form.initials} maxLength={LIMITS.initials} onChange={set('initials')} error={fieldErrors.initials} className="short" />
              <Field label="Last:" value={form.lastName} maxLength={LIMITS.lastName} onChange={set('lastName')} error={fieldErrors.lastName} />
            </div>
          )}
          <Field label="Display:" value={form.displayName} maxLength={LIMITS.displayName} onChange={set('displayName')} error={fieldErrors.displayName} {...(!isPerson ? { 'data-autofocus': true } : {})} />
          <Field label="Alias:" value={form.alias} maxLength={LIMITS.alias} onChange={set('alias')} error={fieldErrors.alias} />
          <Field label="Directory name:" value={form.directoryName} maxLength={LIMITS.directoryName} onChange={set('directoryName')} error={fieldErrors.directoryName} />
          {kind === 'custom' && <TargetAddressRow value={target} error={fieldErrors.targetAddress} onEdit={() => setAskTarget(true)} />}
          {kind === 'dl' && (
            <div className="field-row field">
              <span className="label">Members:</span>
              <output className="member-summary">
                {members.length ? members.map((m) => (
                  <span key={m.id} className="name-cell"><RecipientIcon kind={m.kind} />{m.displayName}</span>
                )) : '(none)'}
              </output>
              <button type="button" onClick={() => setPicking(true)}>
                Modify...
              </button>
              <span className="field-error" aria-live="polite">{fieldErrors.members}</span>
            </div>
          )}
          <p className="hint">
            {kind === 'custom'
              ? 'Mail to this recipient is forwarded to its e-mail address. '
              : ''}
            E-mail addresses are generated from Site Addressing when you click OK or Apply.
          </p>
        </div>
      </PropertySheet>
      {askTarget && (
        <TargetAddressDialog
          current={target}
          recipientId={null}
          onCancel={() => setAskTarget(false)}
          onOk={(written) => {
            setTarget(written);
            setAskTarget(false);
            setFieldErrors({});
            setError(undefined);
          }}
        />
      )}
      {picking && (
        <RecipientPicker
          title="Distribution List Members"
          site={site}
          chosenLabel="Members"
          initial={members}
          onCancel={() => setPicking(false)}
          onOk={(chosen) => {
            setMembers(chosen);
            setPicking(false);
          }}
        />
      )}
    </>
  );
}

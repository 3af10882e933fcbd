'use client';
// Exchange Administrator's Directory Import dialog (KB Q155594): the import file, the container,
// "Multivalued properties: Append / Overwrite", a dry run, and what to do when some rows have
// problems. Import is the default button: Enter anywhere in the form presses it, as in a Windows
// dialog. It looks disabled until a file is chosen (aria-disabled rather than `disabled`, so that
// pressing it anyway can say why); the server's answer to bad options comes back as `errors`,
// each shown next to the field it names in a live region.
import { useId, type KeyboardEvent, type Ref } from 'react';
import { formatNumber } from './describe';

export type ImportChoices = {
  site: string;
  overwrite: boolean;
  validateOnly: boolean;
  applyValid: boolean;
};

/** One message per field of the dialog, plus `form` for what names no field. */
export type ImportErrors = Partial<Record<keyof ImportChoices | 'file' | 'form', string>>;

export type ImportFormProps = {
  sites: { name: string }[];
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  errors: ImportErrors;
  /** An import is being started or is running: Import is unavailable. */
  busy: boolean;
  onImport: () => void;
  fileRef: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /**
   * Why the administrator can only validate into the chosen container (their role there, e.g. View
   * Only Admin): Validate only is then on and cannot be switched off.
   */
  validateOnlyReason?: string;
};

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Enter on a check box, radio button or list presses the default button (Windows dialogs do; browsers do not all). */
function pressDefaultOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target;
  const choice = (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) || target instanceof HTMLSelectElement;
  if (!choice) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

export function ImportForm({ sites, choices, onChoices, file, onFile, errors, busy, onImport, fileRef, autoFocus, validateOnlyReason }: ImportFormProps) {
  const id = useId();
  const errorId = (field: keyof ImportErrors) => `${id}-${field}-error`;
  const set = (change: Partial<ImportChoices>) => onChoices({ ...choices, ...change });
  const unavailable = !file || busy;
  const validateOnly = choices.validateOnly || !!validateOnlyReason;

  return (
    <form
      className="import-form"
      aria-label="Directory Import"
      noValidate
      onKeyDown={pressDefaultOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        onImport();
      }}
    >
      <div className="import-fields">
        <label htmlFor={`${id}-file`}>Import file:</label>
        <div className="import-file">
          <span className={`import-file-name${file ? '' : ' empty'}`}>{file ? `${file.name} (${fileSize(file.size)})` : 'No file chosen'}</span>
          {/* The real file input lies, transparent, over a Browse... button: a click or Space on it opens the browser's file dialog. */}
          <span className="import-browse">
            <span aria-hidden="true">Browse...</span>
            <input
              id={`${id}-file`}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              autoFocus={autoFocus}
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={`${id}-file-hint ${errorId('file')}`}
              onChange={(event) => onFile(event.target.files?.[0] ?? null)}
            />
          </span>
        </div>
        <p id={errorId('file')} className="import-error" aria-live="polite">
          {errors.file}
        </p>
        <p id={`${id}-file-hint`} className="hint import-hint">
          A comma-separated file: the first line names the attributes (Obj-Class first; Directory Name is the key); % separates the
          values of a multivalued attribute.
        </p>

        <label htmlFor={`${id}-site`}>Container:</label>
        <select
          id={`${id}-site`}
          value={choices.site}
          onChange={(event) => set({ site: event.target.value })}
          aria-invalid={errors.site ? true : undefined}
          aria-describedby={`${id}-site-hint ${errorId('site')}`}
        >
          {sites.map(({ name }) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <p id={errorId('site')} className="import-error" aria-live="polite">
          {errors.site}
        </p>
        <p id={`${id}-site-hint`} className="hint import-hint">
          New recipients are created in this site&apos;s Recipients container; rows are matched with it by directory name.
        </p>
      </div>

      <fieldset className="import-choice" aria-describedby={`${id}-overwrite-hint ${errorId('overwrite')}`}>
        <legend>Multivalued properties:</legend>
        <div className="import-radios">
          <div className="field-row">
            <input id={`${id}-append`} type="radio" name="multivalued" checked={!choices.overwrite} onChange={() => set({ overwrite: false })} />
            <label htmlFor={`${id}-append`}>Append</label>
          </div>
          <div className="field-row">
            <input id={`${id}-overwrite`} type="radio" name="multivalued" checked={choices.overwrite} onChange={() => set({ overwrite: true })} />
            <label htmlFor={`${id}-overwrite`}>Overwrite</label>
          </div>
        </div>
        <p id={`${id}-overwrite-hint`} className="hint import-hint">
          Append adds the file&apos;s values (secondary addresses, list members) to the recipient&apos;s; Overwrite replaces them.
        </p>
        <p id={errorId('overwrite')} className="import-error" aria-live="polite">
          {errors.overwrite}
        </p>
      </fieldset>

      <div className="import-validate">
        <div className="field-row">
          <input
            id={`${id}-validate`}
            type="checkbox"
            checked={validateOnly}
            disabled={!!validateOnlyReason}
            onChange={(event) => set({ validateOnly: event.target.checked })}
            aria-invalid={errors.validateOnly ? true : undefined}
            aria-describedby={`${validateOnlyReason ? `${id}-validate-reason ` : ''}${errorId('validateOnly')}`}
          />
          <label htmlFor={`${id}-validate`}>Validate only (check the file, change nothing)</label>
        </div>
        {validateOnlyReason && (
          <p id={`${id}-validate-reason`} className="sheet-read-only" role="note">
            {validateOnlyReason}
          </p>
        )}
        <p id={errorId('validateOnly')} className="import-error" aria-live="polite">
          {errors.validateOnly}
        </p>
      </div>

      {/* A dry run changes nothing whatever the file holds, so this choice only matters for a real import. */}
      <fieldset className="import-choice" disabled={validateOnly} aria-describedby={errorId('applyValid')}>
        <legend>If some rows have problems:</legend>
        <div className="import-radios">
          <div className="field-row">
            <input id={`${id}-nothing`} type="radio" name="apply-valid" checked={!choices.applyValid} onChange={() => set({ applyValid: false })} />
            <label htmlFor={`${id}-nothing`}>Change nothing</label>
          </div>
          <div className="field-row">
            <input id={`${id}-apply-valid`} type="radio" name="apply-valid" checked={choices.applyValid} onChange={() => set({ applyValid: true })} />
            <label htmlFor={`${id}-apply-valid`}>Import the valid rows and report the rest</label>
          </div>
        </div>
        <p id={errorId('applyValid')} className="import-error" aria-live="polite">
          {errors.applyValid}
        </p>
      </fieldset>

      <div className="import-buttons">
        <button type="submit" className="default" aria-disabled={unavailable ? true : undefined} aria-describedby={errorId('form')}>
          Import
        </button>
        <p id={errorId('form')} className="import-error" aria-live="polite">
          {errors.form}
        </p>
      </div>
    </form>
  );
}

'use client';
// Tools → Directory Import (KB Q155594): the dialog, the running job and its report. The file
// goes to POST /api/v1/directory/import-jobs as the request body; the page then polls the job.
// The job's id goes into the URL (`?job=ID`), so a reload, or a link, reattaches to the running
// or finished import; a job the server no longer knows (it finished more than an hour ago) says so
// and leaves the dialog ready for another import.
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useRef, useState } from 'react';
import { paths } from '@/components/shell/paths';
import type { ImportJobStatus } from '@/lib/core/directory-import/report';
import { MAX_IMPORT_BYTES } from '@/lib/validation/directory-import';
import { type ApiError, getImportJob, startImport } from './api';
import { type ImportChoices, type ImportErrors, ImportForm } from './ImportForm';
import { ImportProgressView } from './ImportProgressView';
import { ImportReportView } from './ImportReportView';
import './directory-import.css';

export type DirectoryImportProps = {
  /** The site whose console shows the page (the URL's), and the sites the Container list offers. */
  site: string;
  sites: { name: string }[];
  /** The URL's `?job=`: an import to reattach to. */
  job?: string;
  /**
   * Containers the administrator may only validate against (their role there cannot change it, e.g.
   * View Only Admin), each with the reason: the server refuses anything but a validation there.
   */
  validateOnlySites?: Record<string, string>;
};

/** Where the page stands with its import. */
type Tracking =
  | { kind: 'idle' }
  | { kind: 'starting' }
  /** `job` is null until the first answer of a reattach; `watched`: this page saw it run (focus and refresh when it ends). */
  | { kind: 'job'; id: string; job: ImportJobStatus | null; fileSize: number | null; watched: boolean }
  /** The server answered 404 for the job: its message says why (finished long ago). */
  | { kind: 'lost'; id: string; message: string };

const POLL_MS = 300;
const MAX_RETRY_MS = 5000;

const FIELD_OF_PARAMETER: Record<string, keyof ImportErrors> = {
  site: 'site',
  overwrite: 'overwrite',
  validateOnly: 'validateOnly',
  applyValid: 'applyValid',
  fileName: 'file',
  file: 'file',
  body: 'file',
};

/** The API's error, next to the field it names; what names no field goes under the Import button. */
function errorsOf(error: ApiError): ImportErrors {
  const named = Object.entries(error.fields);
  // One field: the message is the whole sentence ("The import file is larger than 256 MB."; zod's
  // start with the parameter's name, which the field beside it already says).
  if (named.length === 1) {
    const [parameter] = named[0];
    return { [FIELD_OF_PARAMETER[parameter] ?? 'form']: error.message.replace(new RegExp(`^${parameter}: `), '') };
  }
  const errors: ImportErrors = {};
  for (const [parameter, message] of named) {
    const field = FIELD_OF_PARAMETER[parameter] ?? 'form';
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  if (named.length > 0) return errors;
  // Unnamed: 404 on a POST can only be the container, 413 only the file.
  if (error.status === 404) return { site: error.message };
  if (error.status === 413) return { file: error.message };
  return { form: error.message };
}

/** What the page can tell before sending the file (the server checks the same). */
function fileProblem(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty: its first line must name the attributes, starting with Obj-Class.`;
  if (file.size > MAX_IMPORT_BYTES) return `${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the largest file an import accepts.`;
  return null;
}

export function DirectoryImport({ site, sites, job: jobParam, validateOnlySites = {} }: DirectoryImportProps) {
  const router = useRouter();
  const [choices, setChoices] = useState<ImportChoices>({ site, overwrite: false, validateOnly: false, applyValid: false });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<ImportErrors>({});
  const [tracking, setTracking] = useState<Tracking>(jobParam ? { kind: 'job', id: jobParam, job: null, fileSize: null, watched: false } : { kind: 'idle' });
  /** A poll that failed (network, 5xx): shown while the page keeps trying. */
  const [pollTrouble, setPollTrouble] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const validateOnlyReason = validateOnlySites[choices.site];
  const resultRef = useRef<HTMLHeadingElement>(null);

  // A new `?job=` from outside (Back, a link, the Tools menu's plain URL) replaces what is shown;
  // the page's own router.replace after starting a job brings the id it already tracks.
  const [urlJob, setUrlJob] = useState(jobParam);
  if (urlJob !== jobParam) {
    setUrlJob(jobParam);
    const tracked = tracking.kind === 'job' || tracking.kind === 'lost' ? tracking.id : undefined;
    if (jobParam !== tracked && tracking.kind !== 'starting') {
      setTracking(jobParam ? { kind: 'job', id: jobParam, job: null, fileSize: null, watched: false } : { kind: 'idle' });
      setPollTrouble(null);
    }
  }

  const running = tracking.kind === 'job' && (tracking.job === null || tracking.job.state === 'running');
  const runningId = running ? tracking.id : null;

  // Poll the running job until it ends. One loop per job; the timer and request die with it.
  useEffect(() => {
    if (!runningId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const answer = await getImportJob(runningId, controller.signal);
        if (controller.signal.aborted) return;
        if (answer.ok) {
          failures = 0;
          setPollTrouble(null);
          setTracking((current) => (current.kind === 'job' && current.id === runningId ? { ...current, job: answer.job, watched: current.watched || answer.job.state === 'running' } : current));
          if (answer.job.state !== 'running') return;
        } else if (answer.error.status === 404) {
          setPollTrouble(null);
          setTracking((current) => (current.kind === 'job' && current.id === runningId ? { kind: 'lost', id: runningId, message: answer.error.message } : current));
          return;
        } else {
          failures += 1;
          setPollTrouble(answer.error.message);
        }
      } catch {
        if (controller.signal.aborted) return;
        failures += 1;
        setPollTrouble('The server does not answer.');
      }
      timer = setTimeout(poll, failures === 0 ? POLL_MS : Math.min(MAX_RETRY_MS, POLL_MS * 2 ** failures));
    };
    // A job just started already has its first status; a reattach asks at once.
    const fresh = tracking.kind === 'job' && tracking.job !== null;
    timer = setTimeout(poll, fresh ? POLL_MS : 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `tracking` is read once to pick the first delay; the loop itself is keyed on the job id.
  }, [runningId]);

  // The job ended (or was lost): move focus to the result. When this page watched it run, the
  // directory changed under the console: refresh the server components (the Recipients list).
  const ended = tracking.kind === 'lost' ? `lost:${tracking.id}` : tracking.kind === 'job' && tracking.job && tracking.job.state !== 'running' ? tracking.id : null;
  const watched = tracking.kind === 'job' && tracking.watched;
  const handledEnd = useRef<string | null>(null);
  useEffect(() => {
    // A refused new import puts the last report back: that end was handled already.
    if (!ended || ended === handledEnd.current) return;
    handledEnd.current = ended;
    resultRef.current?.focus();
    setErrors(({ form: _waitMessage, ...rest }) => rest);
    if (watched) startTransition(() => router.refresh());
  }, [ended]);

  async function onImport() {
    if (tracking.kind === 'starting' || running) {
      setErrors({ form: 'An import is running. Wait for it to finish before starting another.' });
      return;
    }
    if (!file) {
      setErrors({ file: 'Choose the file to import first: press Browse... and pick a .csv file.' });
      fileRef.current?.focus();
      return;
    }
    const problem = fileProblem(file);
    if (problem) {
      setErrors({ file: problem });
      fileRef.current?.focus();
      return;
    }
    setErrors({});
    setPollTrouble(null);
    // A refused import leaves what was shown (the last report) as it was.
    const previous = tracking;
    setTracking({ kind: 'starting' });
    try {
      const answer = await startImport(file, validateOnlyReason ? { ...choices, validateOnly: true } : choices);
      if (!answer.ok) {
        setTracking(previous);
        setErrors(errorsOf(answer.error));
        return;
      }
      setTracking({ kind: 'job', id: answer.job.id, job: answer.job, fileSize: file.size, watched: true });
      setUrlJob(answer.job.id);
      router.replace(paths.directoryImport(site, answer.job.id), { scroll: false });
    } catch {
      setTracking(previous);
      setErrors({ form: 'The server does not answer. Nothing was imported; try again.' });
    }
  }

  const job = tracking.kind === 'job' ? tracking.job : null;

  return (
    <div className="directory-import">
      <ImportForm
        sites={sites}
        choices={choices}
        onChoices={setChoices}
        file={file}
        onFile={(chosen) => {
          setFile(chosen);
          if (chosen) setErrors(({ file: _dropped, ...rest }) => rest);
        }}
        errors={errors}
        busy={tracking.kind === 'starting' || running}
        onImport={onImport}
        fileRef={fileRef}
        autoFocus={!jobParam}
        validateOnlyReason={validateOnlyReason}
      />

      <div className="import-output" aria-busy={tracking.kind === 'starting' || running}>
        {tracking.kind === 'idle' && (
          <p className="hint import-intro">
            Choose a file exported by Directory Export or written by hand (KB Q155594), the container, and how to treat multivalued
            properties, then press Import. Validate only checks every row against the directory and changes nothing.
          </p>
        )}
        {tracking.kind === 'starting' && <p className="import-status">Sending {file?.name}...</p>}
        {tracking.kind === 'job' && !job && <p className="import-status">Looking for import {tracking.id}...</p>}
        {pollTrouble && (
          <p className="import-trouble" role="status">
            {pollTrouble} Trying again...
          </p>
        )}
        {job && job.state !== 'failed' && <ImportProgressView job={job} fileSize={tracking.kind === 'job' ? tracking.fileSize : null} />}
        {job?.state === 'done' && job.report && <ImportReportView jobId={job.id} fileName={job.fileName} report={job.report} headingRef={resultRef} />}
        {job?.state === 'failed' && (
          <div className="import-failed" role="alert">
            <h2 tabIndex={-1} ref={resultRef}>
              The import of {job.fileName ?? 'the file'} could not run. Nothing was changed.
            </h2>
            <p>{job.error}</p>
          </div>
        )}
        {tracking.kind === 'lost' && (
          <div className="import-failed" role="alert">
            <h2 tabIndex={-1} ref={resultRef}>
              Import {tracking.id} is no longer known.
            </h2>
            <p>{tracking.message}</p>
            <p>
              Its report is gone. An import is written whole or not at all: if it was still running when the server stopped, nothing
              of it was written. The dialog above is ready for another import.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}

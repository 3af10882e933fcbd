'use client';
// API Tokens → New Token...: the token's name (what it is for, e.g. "nightly export").
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import { TOKEN_NAME_MAX, createTokenSchema } from '@/lib/validation/tokens';

type NewTokenDialogProps = {
  username: string;
  busy: boolean;
  /** The server's answer to the last OK. */
  error?: string;
  onOk: (name: string) => void;
  onCancel: () => void;
};

export function NewTokenDialog({ username, busy, error, onOk, onCancel }: NewTokenDialogProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  // OK is disabled while the server answers, which drops the focus: a refusal puts it back.
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);

  const submit = () => {
    if (busy) return;
    const parsed = createTokenSchema.shape.name.safeParse(name);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message);
    setProblem(undefined);
    onOk(parsed.data);
  };

  const message = problem ?? error;
  return (
    <Dialog
      title={`New API Token for ${username}`}
      onClose={() => !busy && onCancel()}
      width={400}
      className="new-token-dialog"
      buttons={<OkCancelButtons onOk={submit} onCancel={onCancel} busy={busy} />}
    >
      <form
        className="new-token-form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-name`}>Name:</label>
        <input
          ref={input}
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={TOKEN_NAME_MAX}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            setProblem(undefined);
          }}
          aria-invalid={!!message || undefined}
          aria-describedby={`${id}-error`}
          data-autofocus
        />
        <p className="hint">What the token is for, e.g. the script that will use it.</p>
        <div id={`${id}-error`} className="inline-error" role="alert">
          {message}
        </div>
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}

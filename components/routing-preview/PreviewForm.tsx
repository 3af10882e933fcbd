'use client';
// The Routing Preview's question: an address and where the message comes from. A GET form, so
// the URL carries the inputs (`?address=...&origin=...`) and a preview can be shared or reloaded;
// Enter in the address presses Preview, the default button. The server's answer to invalid input
// comes back as `errors`, shown next to the field in a live region.
import Form from 'next/form';
import { useId, useState } from 'react';
import { ORIGINS, type Origin } from '@/lib/core/routing/types';
import { originChoice } from './describe';

export type PreviewFormProps = {
  /** The preview page's own path (the form's action). */
  action: string;
  address: string;
  origin: Origin;
  errors: { address?: string; origin?: string };
  autoFocus?: boolean;
};

export function PreviewForm({ action, address, origin, errors, autoFocus }: PreviewFormProps) {
  const id = useId();
  const [value, setValue] = useState(address);
  const [from, setFrom] = useState(origin);
  // A new URL (Back, a link from recipient mode) brings new inputs: show them, keeping focus where it is.
  const [shown, setShown] = useState({ address, origin });
  if (shown.address !== address || shown.origin !== origin) {
    setShown({ address, origin });
    setValue(address);
    setFrom(origin);
  }

  return (
    <Form action={action} className="preview-form" aria-label="Routing Preview">
      <div className="preview-address">
        <label htmlFor={`${id}-address`}>E-mail address:</label>
        <input
          id={`${id}-address`}
          name="address"
          type="text"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={`${id}-address-error`}
        />
        <button type="submit" className="default">
          Preview
        </button>
      </div>
      <p id={`${id}-address-error`} className="preview-error" aria-live="polite">
        {errors.address}
      </p>
      <fieldset className="preview-origin" aria-describedby={`${id}-origin-error`}>
        <legend>Message comes from:</legend>
        {ORIGINS.map((choice) => (
          <div key={choice} className="field-row">
            <input
              id={`${id}-origin-${choice}`}
              type="radio"
              name="origin"
              value={choice}
              checked={from === choice}
              onChange={() => setFrom(choice)}
            />
            <label htmlFor={`${id}-origin-${choice}`}>{originChoice(choice)}</label>
          </div>
        ))}
      </fieldset>
      <p id={`${id}-origin-error`} className="preview-error" aria-live="polite">
        {errors.origin}
      </p>
    </Form>
  );
}

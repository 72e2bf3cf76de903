// Accessible form pieces: a labelled field with its hint and error tied to it, and the error summary.
import type { Child } from 'hono/jsx';

/**
 * The message under a label, referenced by the control's aria-describedby. A form checked as it is typed in keeps
 * an empty one (`live`) for the check to fill in by itself, so no field is ever replaced while someone types.
 */
export function FieldError(props: { id: string | undefined; message: string | undefined; live?: boolean | undefined; oob?: boolean }) {
  if (!props.message && !props.live) return null;
  return (
    <p class="field__error" id={props.id} hx-swap-oob={props.oob ? 'true' : undefined}>
      {props.message ?? ''}
    </p>
  );
}

/** The id of a field's message: what aria-describedby names and a live check fills in. */
export const errorIdOf = (fieldId: string) => `${fieldId}-error`;

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local' | 'month' | 'number' | 'time';
  min?: number;
  max?: number;
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  autofocus?: boolean;
  /** Checked as it is typed in: keep the message slot even when empty (see FieldError). */
  live?: boolean;
}

export function Field(props: FieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error || props.live ? errorIdOf(props.id) : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <FieldError id={errorId} message={props.error} live={props.live} />
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        inputmode={props.inputmode}
        autofocus={props.autofocus}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.hint ? (
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export interface SelectProps {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** htmx attributes (e.g. a change that swaps a dependent field in). */
  hx?: Record<`hx-${string}`, string>;
  live?: boolean;
}

export function Select(props: SelectProps) {
  const errorId = props.error || props.live ? errorIdOf(props.id) : undefined;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <FieldError id={errorId} message={props.error} live={props.live} />
      <select
        id={props.id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={errorId}
        {...props.hx}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Shown above a form that came back with errors; screen readers hear it first. */
export function ErrorSummary(props: { message: string; errors: Record<string, string | undefined>; ids: Record<string, string> }) {
  const entries = Object.entries(props.errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div class="notice notice--error" role="alert">
      <p>{props.message}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${props.ids[field] ?? field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice(props: { kind: 'error' | 'success' | 'info'; children?: Child; id?: string }) {
  return (
    <div class={`notice notice--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} id={props.id}>
      {props.children}
    </div>
  );
}

export function TextArea(props: { id: string; name: string; label: string; value?: string | undefined; error?: string | undefined; hint?: string; rows?: number; maxlength?: number; live?: boolean }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error || props.live ? errorIdOf(props.id) : undefined;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <FieldError id={errorId} message={props.error} live={props.live} />
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      >
        {props.value ?? ''}
      </textarea>
      {props.hint ? (
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

import { type TextareaHTMLAttributes, useId } from 'react';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'className'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | null;
  description?: string;
}

/** A labelled native text area (the tech view stays light: no React Aria form fields on the phone). */
export function TextAreaField({ label, value, onChange, errorMessage, description, ...props }: TextAreaFieldProps) {
  const id = useId();
  const described = [description ? `${id}-help` : null, errorMessage ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {description}
        </p>
      ) : null}
      <textarea
        {...props}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={described || undefined}
        className="block min-h-24 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700"
      />
      {errorMessage ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}

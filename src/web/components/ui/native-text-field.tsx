import { type InputHTMLAttributes, type Ref, useId } from 'react';

export interface NativeTextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'className'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A labelled native input that looks like TextField, without React Aria: for the sign-in page,
 * which loads before the rest of the app (main.tsx). The error is tied to the input
 * (aria-invalid, aria-describedby). Elsewhere use TextField / FormTextField.
 */
export function NativeTextField({
  label,
  value,
  onChange,
  errorMessage,
  isRequired,
  inputRef,
  className = '',
  ...props
}: NativeTextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <input
        {...props}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required={isRequired || undefined}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={errorMessage ? errorId : undefined}
        className="block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 aria-invalid:border-red-700 disabled:bg-slate-100 read-only:bg-slate-50"
      />
      {errorMessage ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}

import { ChevronDown } from 'lucide-react';
import { useId } from 'react';
import type { SelectOption } from './select.tsx';

export interface NativeSelectFieldProps {
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
}

/**
 * A labelled native <select> that looks like SelectField, for list filters: the browser's own
 * picker (the best one on phones) and no React Aria overlays on list pages, which load it with
 * the list. Options show their label only; forms with described options use SelectField.
 */
export function NativeSelectField({ label, options, value, onChange, className = '' }: NativeSelectFieldProps) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="block min-h-11 w-full cursor-pointer appearance-none rounded-md border border-slate-500 bg-white py-2 pr-9 pl-3 text-base text-slate-900"
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-900" />
      </div>
    </div>
  );
}

import { type ReactNode, useId } from 'react';

export interface CheckboxProps {
  children: ReactNode;
  description?: ReactNode;
  isSelected: boolean;
  onChange: (isSelected: boolean) => void;
  onBlur?: () => void;
  isDisabled?: boolean;
  name?: string;
}

/**
 * A native checkbox: the browser gives it keyboard, focus and form behaviour, and tools that
 * click it (people, tests, password managers) hit the real input rather than a hidden one.
 */
export function Checkbox({ children, description, isSelected, onChange, onBlur, isDisabled, name }: CheckboxProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div className="flex items-start gap-3 py-1">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={isSelected}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={onBlur}
        aria-describedby={description ? descriptionId : undefined}
        className="mt-0.5 size-5 shrink-0 cursor-pointer accent-blue-700 disabled:cursor-not-allowed"
      />
      <div className="flex flex-col">
        <label htmlFor={id} className="cursor-pointer font-medium text-slate-900">
          {children}
        </label>
        {description ? (
          <span id={descriptionId} className="text-sm text-slate-600">
            {description}
          </span>
        ) : null}
      </div>
    </div>
  );
}

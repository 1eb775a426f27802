import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, type CheckboxProps as AriaCheckboxProps } from 'react-aria-components';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children' | 'className'> {
  children: ReactNode;
  description?: ReactNode;
}

export function Checkbox({ children, description, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className="group flex cursor-pointer items-start gap-3 py-1 data-disabled:cursor-not-allowed">
      {({ isSelected }) => (
        <>
          <span
            aria-hidden="true"
            className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded border-2 ${
              isSelected ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-600 bg-white'
            } group-data-focus-visible:outline-2 group-data-focus-visible:outline-offset-2 group-data-focus-visible:outline-blue-700`}
          >
            {isSelected ? <Check className="size-4" strokeWidth={3} /> : null}
          </span>
          <span className="flex flex-col">
            <span className="font-medium text-slate-900">{children}</span>
            {description ? <span className="text-sm text-slate-600">{description}</span> : null}
          </span>
        </>
      )}
    </AriaCheckbox>
  );
}

import { ChevronDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { Select as AriaSelect, Button, FieldError, Label, ListBox, ListBoxItem, Popover, SelectValue, Text } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
  description?: string;
}

export interface SelectFieldProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  name?: string;
  description?: ReactNode;
  errorMessage?: string;
  placeholder?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  className?: string;
}

export function SelectField({
  label,
  options,
  value,
  onChange,
  onBlur,
  name,
  description,
  errorMessage,
  placeholder = 'Choose…',
  isDisabled,
  isRequired,
  className = '',
}: SelectFieldProps) {
  return (
    <AriaSelect
      name={name}
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      onBlur={onBlur}
      placeholder={placeholder}
      isDisabled={isDisabled}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={`flex flex-col gap-1 ${className}`.trim()}
    >
      <Label className="text-sm font-medium text-slate-900">{label}</Label>
      <Button className="flex min-h-11 w-full cursor-pointer items-center justify-between gap-2 rounded-md border border-slate-500 bg-white px-3 py-2 text-left text-base text-slate-900 data-disabled:bg-slate-100">
        <SelectValue className="truncate data-placeholder:text-slate-600">
          {({ selectedText, isPlaceholder }) => (isPlaceholder ? placeholder : selectedText)}
        </SelectValue>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
      </Button>
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-sm font-medium text-red-700">{errorMessage}</FieldError>
      <Popover className="min-w-(--trigger-width) overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        <ListBox className="max-h-72 p-1 outline-none">
          {options.map((option) => (
            <ListBoxItem
              key={option.id}
              id={option.id}
              textValue={option.label}
              className="cursor-pointer rounded px-3 py-2 text-slate-900 outline-none data-focused:bg-blue-50 data-selected:font-semibold"
            >
              <Text slot="label" className="block">
                {option.label}
              </Text>
              {option.description ? (
                <Text slot="description" className="block text-sm text-slate-600">
                  {option.description}
                </Text>
              ) : null}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

import { ChevronDown } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  ComboBox as AriaComboBox,
  Button,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
} from 'react-aria-components';
import { type Control, type FieldValues, type Path, useController } from 'react-hook-form';

export interface ComboBoxOption {
  id: string;
  label: string;
}

export interface ComboBoxFieldProps {
  label: string;
  options: readonly ComboBoxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  name?: string;
  description?: ReactNode;
  errorMessage?: string;
  isDisabled?: boolean;
  isReadOnly?: boolean;
  isRequired?: boolean;
  className?: string;
}

/** A searchable choice among many (time zones, countries): type to filter, arrows to move, Enter to pick. */
export function ComboBoxField({
  label,
  options,
  value,
  onChange,
  onBlur,
  name,
  description,
  errorMessage,
  isDisabled,
  isReadOnly,
  isRequired,
  className = '',
}: ComboBoxFieldProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  return (
    <AriaComboBox
      name={name}
      defaultItems={options}
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      onBlur={onBlur}
      defaultFilter={(text, input) => contains(text.replaceAll('_', ' '), input.replaceAll('_', ' '))}
      menuTrigger="focus"
      isDisabled={isDisabled}
      isReadOnly={isReadOnly}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={`flex flex-col gap-1 ${className}`.trim()}
    >
      <Label className="text-sm font-medium text-slate-900">{label}</Label>
      <div className="relative flex">
        <Input className="min-h-11 w-full rounded-md border border-slate-500 bg-white py-2 pr-10 pl-3 text-base text-slate-900 read-only:bg-slate-100 data-disabled:bg-slate-100" />
        <Button className="absolute inset-y-0 right-0 flex w-10 cursor-pointer items-center justify-center text-slate-700">
          <ChevronDown aria-hidden="true" className="size-4" />
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-sm font-medium text-red-700">{errorMessage}</FieldError>
      <Popover className="min-w-(--trigger-width) overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        <ListBox<ComboBoxOption>
          className="max-h-72 p-1 outline-none"
          renderEmptyState={() => <p className="px-3 py-2 text-slate-700">No match.</p>}
        >
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="cursor-pointer rounded px-3 py-2 text-slate-900 outline-none data-focused:bg-blue-50 data-selected:font-semibold"
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}

export interface FormComboBoxFieldProps<T extends FieldValues, C, O extends FieldValues>
  extends Omit<ComboBoxFieldProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'errorMessage'> {
  control: Control<T, C, O>;
  name: Path<T>;
}

export function FormComboBoxField<T extends FieldValues, C, O extends FieldValues>({
  control,
  name,
  ...props
}: FormComboBoxFieldProps<T, C, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <ComboBoxField
      {...props}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      errorMessage={fieldState.error?.message}
    />
  );
}

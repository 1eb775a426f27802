import { type Control, type FieldValues, type Path, useController } from 'react-hook-form';
import { SelectField, type SelectFieldProps } from './select.tsx';

// Apart from select.tsx so that a plain select (the shell's context switcher) loads no form library.
export interface FormSelectFieldProps<T extends FieldValues, C, O extends FieldValues>
  extends Omit<SelectFieldProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'errorMessage'> {
  control: Control<T, C, O>;
  name: Path<T>;
}

export function FormSelectField<T extends FieldValues, C, O extends FieldValues>({
  control,
  name,
  ...props
}: FormSelectFieldProps<T, C, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <SelectField
      {...props}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      errorMessage={fieldState.error?.message}
    />
  );
}

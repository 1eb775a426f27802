import { type Control, type FieldValues, type Path, useController } from 'react-hook-form';
import { TextField, type TextFieldProps } from './text-field.tsx';

// Apart from text-field.tsx so that a plain field (a search box, the sign-in form) loads no form library.
export interface FormTextFieldProps<T extends FieldValues, C, O extends FieldValues>
  extends Omit<TextFieldProps, 'name' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'errorMessage' | 'inputRef'> {
  control: Control<T, C, O>;
  name: Path<T>;
}

/** A TextField bound to react-hook-form: value, errors and focus-on-error. */
export function FormTextField<T extends FieldValues, C, O extends FieldValues>({ control, name, ...props }: FormTextFieldProps<T, C, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...props}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isDisabled={props.isDisabled ?? field.disabled}
      inputRef={field.ref}
      errorMessage={fieldState.error?.message}
    />
  );
}

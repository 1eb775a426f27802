import type { ReactNode, Ref } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  errorMessage?: string;
  placeholder?: string;
  multiline?: boolean;
  /** Visible lines of a multiline field. */
  rows?: number;
  className?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

const inputClasses =
  'block w-full min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 data-invalid:border-red-700 data-disabled:bg-slate-100 read-only:bg-slate-50';

export function TextField({
  label,
  description,
  errorMessage,
  placeholder,
  multiline = false,
  rows = 4,
  className = '',
  inputRef,
  isInvalid,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={isInvalid ?? Boolean(errorMessage)}
      validationBehavior="aria"
      className={`flex flex-col gap-1 ${className}`.trim()}
    >
      <Label className="text-sm font-medium text-slate-900">{label}</Label>
      {multiline ? (
        <TextArea ref={inputRef} placeholder={placeholder} rows={rows} className={inputClasses} />
      ) : (
        <Input ref={inputRef} placeholder={placeholder} className={inputClasses} />
      )}
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-sm font-medium text-red-700">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

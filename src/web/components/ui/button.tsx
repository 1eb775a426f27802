import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { type ButtonSize, type ButtonVariant, buttonClasses } from './button.classes.ts';

export { type ButtonSize, type ButtonVariant, buttonClasses } from './button.classes.ts';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

export function Button({ variant = 'primary', size = 'md', className = '', ...props }: ButtonProps) {
  return <AriaButton {...props} className={buttonClasses(variant, size, className)} />;
}

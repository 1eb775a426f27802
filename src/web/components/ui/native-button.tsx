import type { ButtonHTMLAttributes } from 'react';
import { type ButtonSize, type ButtonVariant, buttonClasses } from './button.classes.ts';

export interface NativeButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/**
 * A native <button> that looks like Button, without React Aria: for the sign-in page, which loads
 * before the rest of the app (main.tsx). Elsewhere use Button.
 */
export function NativeButton({ variant = 'primary', size = 'md', className = '', type = 'button', ...props }: NativeButtonProps) {
  return <button {...props} type={type} className={buttonClasses(variant, size, className)} />;
}

import { Link as AriaLink, type LinkProps as AriaLinkProps } from 'react-aria-components';
import { type ButtonSize, type ButtonVariant, buttonClasses } from './button.classes.ts';

export interface TextLinkProps extends Omit<AriaLinkProps, 'className'> {
  className?: string;
}

/** An inline link; client-side navigation comes from the RouterProvider in the app providers. */
export function TextLink({ className = '', ...props }: TextLinkProps) {
  return (
    <AriaLink
      {...props}
      className={`cursor-pointer font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 ${className}`.trim()}
    />
  );
}

export interface ButtonLinkProps extends TextLinkProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant = 'primary', size = 'md', className = '', ...props }: ButtonLinkProps) {
  return <AriaLink {...props} className={buttonClasses(variant, size, `no-underline ${className}`)} />;
}

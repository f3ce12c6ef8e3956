import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { fieldClasses } from './input';

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      className={cn(fieldClasses, 'min-h-24 py-2 font-mono text-[13px]', className)}
      spellCheck={false}
      {...props}
    />
  );
}

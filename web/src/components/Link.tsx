import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { useRouter } from '@tanstack/react-router';

/**
 * An in-app link to an address composed as text (path and query, e.g. a filtered list): a real href
 * (open in new tab works), followed by the router without reloading on a plain click.
 */
export function Link({
  to,
  children,
  style,
  'data-testid': testId,
}: {
  to: string;
  children: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href: to });
  };
  return (
    <a href={to} onClick={onClick} style={style} data-testid={testId}>
      {children}
    </a>
  );
}

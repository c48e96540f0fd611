import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { navigate } from '../router';

/** An in-app link: a real href (open in new tab works), navigated without reloading on a plain click. */
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
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} style={style} data-testid={testId}>
      {children}
    </a>
  );
}

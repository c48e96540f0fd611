// A dialog whose code downloads the first time it is shown, not with the page that may show it.
import { lazy, Suspense, type ComponentType } from 'react';

/** `load` names the dialog's component; nothing shows while it downloads (a moment, once). */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDialog(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

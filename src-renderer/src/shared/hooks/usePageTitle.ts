import { useEffect, useRef } from 'react';

/**
 * Each screen names itself in the window title and moves focus to its h1 when it appears,
 * so a screen-reader user hears where they are after every change of screen.
 */
export function usePageTitle(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – RJ Casebook`;
  }, [title]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}

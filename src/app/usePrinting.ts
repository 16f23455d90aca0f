import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMediaQuery } from './useMediaQuery.ts';

/** Whether the page is being printed: the print view is rendered only then, so it costs nothing on screen. */
export function usePrinting(): boolean {
  const printMedia = useMediaQuery('print');
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The print dialog lays out the page right after beforeprint: render synchronously.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing || printMedia;
}

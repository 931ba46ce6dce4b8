import { useEffect, useState } from "preact/hooks";

/**
 * False on the first render, true once the page has been painted. The weather's dates and
 * numbers take Intl a while to set up on a slow phone: they fill in just after the title and
 * the chat are on screen, not before.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}

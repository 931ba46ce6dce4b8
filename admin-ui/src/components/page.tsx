import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../messages";

/**
 * Sets the tab title and moves focus to the screen's heading, so screen readers hear
 * the new page. Focus stays where it is on the first load (e.g. the sign-in field).
 */
export function usePageHeading<E extends HTMLElement = HTMLHeadingElement>(title: string) {
  const heading = useRef<E>(null);
  useEffect(() => {
    document.title = `${title} · ${t.app.titleSuffix}`;
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus();
  }, [title]);
  return heading;
}

interface PageProps {
  title: string;
  lead?: ComponentChildren;
  children?: ComponentChildren;
}

/** A screen's heading and its content. */
export function Page({ title, lead, children }: PageProps) {
  const heading = usePageHeading(title);
  return (
    <div class="page">
      <header class="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p class="page-lead">{lead}</p> : null}
      </header>
      {children}
    </div>
  );
}

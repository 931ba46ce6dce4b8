import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../messages";

interface PageProps {
  title: string;
  lead?: ComponentChildren;
  children?: ComponentChildren;
}

/** A screen's heading: sets the tab title and takes focus so screen readers hear the new page. */
export function Page({ title, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t.app.titleSuffix}`;
    // Keep focus where it is on the first load (e.g. the sign-in field); move it after navigation.
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus();
  }, [title]);
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

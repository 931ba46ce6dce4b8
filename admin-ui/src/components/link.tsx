import type { ComponentChildren } from "preact";
import { followLink, href } from "../router";

interface LinkProps {
  to: string;
  class?: string;
  current?: boolean;
  title?: string;
  onClick?: () => void;
  children: ComponentChildren;
}

/** An in-app link: a real <a href> (opens in a new tab too) that navigates without a reload. */
export function Link({ to, class: className, current, title, onClick, children }: LinkProps) {
  return (
    <a
      href={href(to)}
      class={className}
      aria-current={current ? "page" : undefined}
      title={title}
      onClick={(event) => {
        followLink(event, to);
        onClick?.();
      }}
    >
      {children}
    </a>
  );
}

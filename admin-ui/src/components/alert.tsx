import type { ComponentChildren } from "preact";

interface AlertProps {
  kind: "error" | "success" | "info";
  children: ComponentChildren;
}

/** A message box: errors interrupt screen readers, the others are announced politely. */
export function Alert({ kind, children }: AlertProps) {
  return (
    <div class={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

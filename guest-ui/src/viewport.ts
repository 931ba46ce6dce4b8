/**
 * Keeps `--app-height` equal to the visible part of the page, so the message bar sits
 * just above the on-screen keyboard also where the browser only shrinks the visual
 * viewport (iOS Safari). Browsers honouring `interactive-widget=resizes-content` shrink
 * the layout itself, and the two agree.
 */
export function followVisualViewport(): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const root = document.documentElement;
  const update = () => {
    root.style.setProperty("--app-height", `${Math.round(viewport.height)}px`);
    // iOS scrolls the page to reveal the focused field; the layout already did.
    if (window.scrollY !== 0) window.scrollTo(0, 0);
  };
  viewport.addEventListener("resize", update);
  update();
}

// Line icons for the kinds of device, drawn like components/icon.tsx; decorative only.

const paths: Record<string, string> = {
  switch: "M6 3.5h12a1.5 1.5 0 0 1 1.5 1.5v14a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 19V5A1.5 1.5 0 0 1 6 3.5z M10 8h4v8h-4z",
  light: "M9.5 18h5 M10.5 21h3 M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.1V16h5v-.1c0-.8.4-1.6 1.1-2.1A6 6 0 0 0 12 3z",
  heater: "M8 4c-1.5 2 1.5 4 0 6 M12 4c-1.5 2 1.5 4 0 6 M16 4c-1.5 2 1.5 4 0 6 M4.5 13.5h15v6h-15z M8 16.5h.01 M12 16.5h.01 M16 16.5h.01",
  sensor: "M12 14.5V4.5a2 2 0 0 1 4 0v10a4 4 0 1 1-4 0z M14 9v7",
};

export function KindIcon({ kind }: { kind: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[kind] ?? paths.switch} />
    </svg>
  );
}

// Line icons drawn on a 24×24 grid with the current text colour; decorative only.

const circle = (cx: number, cy: number, r: number) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const paths = {
  home: "M3.5 10.5 12 3.5l8.5 7V20a1 1 0 0 1-1 1H15v-6H9v6H4.5a1 1 0 0 1-1-1z",
  messenger: "M20.5 11.5a8 8 0 0 1-11.7 7.1L3.5 20l1.4-4.9a8 8 0 1 1 15.6-3.6z M8.5 10h7 M8.5 13.5h4.5",
  reception: "M3.5 18.5h17 M5.5 18.5a6.5 6.5 0 0 1 13 0 M12 12V9.5 M10 9.5h4 M12 5.5v.01",
  rooms: "M3.5 19.5V6 M3.5 15.5h17 M20.5 19.5V13a3 3 0 0 0-3-3h-7v5.5 " + circle(7, 12.5, 1.75),
  devices: "M9.5 18h5 M10.5 21h3 M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.1V16h5v-.1c0-.8.4-1.6 1.1-2.1A6 6 0 0 0 12 3z",
  scenarios: `${circle(12, 12, 8.5)} M12 7v5l3.5 2`,
  kiosk: "M7 2.5h10a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2z M11 18h2",
  widget: "M8 8.5 4.5 12 8 15.5 M16 8.5l3.5 3.5-3.5 3.5 M13.5 6l-3 12",
  team: `${circle(9, 8, 3.5)} M2.5 20a6.5 6.5 0 0 1 13 0 M15.5 4.7a3.5 3.5 0 0 1 0 6.6 M18 14.2a6.5 6.5 0 0 1 3.5 5.8`,
  property: "M4.5 21V5a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v16 M14.5 10h4a1 1 0 0 1 1 1v10 M2.5 21h19 M8 8h3 M8 12h3 M8 16h3",
  settings: `M4 6h9 M17 6h3 M4 12h3 M11 12h9 M4 18h11 M19 18h1 ${circle(15, 6, 2)} ${circle(9, 12, 2)} ${circle(17, 18, 2)}`,
  menu: "M4 6.5h16 M4 12h16 M4 17.5h16",
  close: "M6 6l12 12 M18 6 6 18",
  signOut: "M9.5 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3.5 M15.5 16l4-4-4-4 M19.5 12H10",
  check: "M5 12.5l4.5 4.5L19 7.5",
  todo: circle(12, 12, 8),
  back: "M15 5l-7 7 7 7",
  grip: [6, 12, 18].map((y) => `${circle(9, y, 0.8)} ${circle(15, y, 0.8)}`).join(" "),
  up: "M6 15l6-6 6 6",
  down: "M6 9l6 6 6-6",
  edit: "M4 20h4L19 9l-4-4L4 16z M13.5 6.5l4 4",
  trash: "M4.5 7h15 M9.5 7V4.5h5V7 M6.5 7l1 13h9l1-13 M10 11v5.5 M14 11v5.5",
  plus: "M12 5v14 M5 12h14",
  send: "M4.5 12 3 4.5l18 7.5-18 7.5z M4.5 12h7",
  web: `${circle(12, 12, 8.5)} M3.5 12h17 M12 3.5c2.5 2.4 3.5 5.3 3.5 8.5s-1 6.1-3.5 8.5 M12 3.5C9.5 5.9 8.5 8.8 8.5 12s1 6.1 3.5 8.5`,
  telegram: "M21 4.5 2.5 11.5l6 2.5 2.5 6 3.5-4.5 5 3.5z M8.5 14l12.5-9.5",
  mail: "M4 6h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z M3.5 7l8.5 6 8.5-6",
  copy: "M9 9h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1z M16 9V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3",
  clock: `${circle(12, 12, 8.5)} M12 7.5V12l3 2`,
  link: "M10 14a4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className ? `icon ${className}` : "icon"}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}

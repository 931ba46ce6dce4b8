/**
 * Starting at login. Windows: Electron's app.setLoginItemSettings (a Run key for the
 * user). Linux: an XDG autostart entry, which GNOME, KDE, Xfce, LXQt and most kiosk
 * sessions honour.
 */

export function windowsLoginItem(execPath: string): { openAtLogin: true; path: string; args: string[] } {
  return { openAtLogin: true, path: execPath, args: [] };
}

export interface LinuxAutostartInput {
  /** What to run: the AppImage's own path ($APPIMAGE) when run from one, else the executable. */
  execPath: string;
  homeDir: string;
  /** $XDG_CONFIG_HOME when set. */
  xdgConfigHome?: string;
}

export function linuxAutostartEntry(input: LinuxAutostartInput): { path: string; text: string } {
  const configHome = input.xdgConfigHome && input.xdgConfigHome.startsWith("/") ? input.xdgConfigHome : `${input.homeDir}/.config`;
  const text = [
    "[Desktop Entry]",
    "Type=Application",
    "Name=Innbox Kiosk",
    "Comment=Shows the Innbox lobby kiosk full screen",
    `Exec=${desktopExecArg(input.execPath)}`,
    "Terminal=false",
    "X-GNOME-Autostart-enabled=true",
    "X-GNOME-Autostart-Delay=5",
    "",
  ].join("\n");
  return { path: `${configHome}/autostart/innbox-kiosk.desktop`, text };
}

/**
 * One argument of a desktop entry's Exec key: quoted when it holds a reserved
 * character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes, `%` doubled (the
 * Desktop Entry Specification), and the backslashes doubled once more because Exec is a
 * string value whose own escapes are read first.
 */
export function desktopExecArg(arg: string): string {
  const percent = arg.replace(/%/g, "%%");
  if (!/[\s"'\\><~|&;$*?#()`]/.test(percent)) return percent;
  const inner = percent.replace(/(["`$\\])/g, "\\$1");
  return `"${inner.replace(/\\/g, "\\\\")}"`;
}

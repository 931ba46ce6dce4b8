import { describe, expect, it } from "vitest";
import { desktopExecArg, linuxAutostartEntry, windowsLoginItem } from "./autostart.js";

describe("auto-start at login", () => {
  it("writes an XDG autostart entry for the AppImage in ~/.config/autostart", () => {
    const entry = linuxAutostartEntry({ execPath: "/home/lobby/Apps/Innbox-Kiosk.AppImage", homeDir: "/home/lobby" });
    expect(entry.path).toBe("/home/lobby/.config/autostart/innbox-kiosk.desktop");
    expect(entry.text).toBe(
      [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Innbox Kiosk",
        "Comment=Shows the Innbox lobby kiosk full screen",
        "Exec=/home/lobby/Apps/Innbox-Kiosk.AppImage",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "X-GNOME-Autostart-Delay=5",
        "",
      ].join("\n"),
    );
  });

  it("honours an absolute XDG_CONFIG_HOME and ignores a relative one", () => {
    expect(linuxAutostartEntry({ execPath: "/opt/innbox-kiosk/innbox-kiosk", homeDir: "/home/a", xdgConfigHome: "/srv/cfg" }).path).toBe("/srv/cfg/autostart/innbox-kiosk.desktop");
    expect(linuxAutostartEntry({ execPath: "/x", homeDir: "/home/a", xdgConfigHome: "cfg" }).path).toBe("/home/a/.config/autostart/innbox-kiosk.desktop");
  });

  it("quotes and escapes an executable path the way the Desktop Entry Specification asks", () => {
    expect(desktopExecArg("/opt/innbox/kiosk")).toBe("/opt/innbox/kiosk");
    expect(desktopExecArg("/home/lobby/My Apps/kiosk")).toBe('"/home/lobby/My Apps/kiosk"');
    expect(desktopExecArg("/home/lobby/100%/kiosk")).toBe("/home/lobby/100%%/kiosk");
    expect(desktopExecArg('/a "b"/$HOME`x`\\y')).toBe('"/a \\\\"b\\\\"/\\\\$HOME\\\\`x\\\\`\\\\\\\\y"');
  });

  it("asks Windows to open the app at login", () => {
    expect(windowsLoginItem("C:\\Program Files\\Innbox Kiosk\\Innbox Kiosk.exe")).toEqual({ openAtLogin: true, path: "C:\\Program Files\\Innbox Kiosk\\Innbox Kiosk.exe", args: [] });
  });
});

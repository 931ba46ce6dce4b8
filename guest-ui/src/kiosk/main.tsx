import { render } from "preact";
import "./kiosk.css";
import { KioskApp } from "./kiosk-app";

render(<KioskApp />, document.getElementById("app")!);

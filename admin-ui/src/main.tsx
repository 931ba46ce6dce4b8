import { render } from "preact";
import { App } from "./app";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";
import "./styles/pages.css";
import "./styles/messenger.css";
import "./styles/settings.css";

const root = document.getElementById("app");
if (root) render(<App />, root);

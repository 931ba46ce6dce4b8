import { render } from "preact";
import { App } from "./app";
import { choice } from "./i18n";
import { readReceptionLink } from "./route";
import { followVisualViewport } from "./viewport";
import "./styles/base.css";
import "./styles/page.css";
import "./styles/chat.css";

document.documentElement.lang = choice.language;
followVisualViewport();

const root = document.getElementById("app");
if (root) render(<App link={readReceptionLink(location.pathname, location.search)} />, root);

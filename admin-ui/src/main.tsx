import { render } from "preact";
import { App } from "./app";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";
import "./styles/forms.css";
import "./styles/auth.css";
import "./styles/pages.css";
import "./styles/messenger.css";
import "./styles/conversation-list.css";
import "./styles/conversation.css";
import "./styles/settings.css";
import "./styles/working-hours.css";
import "./styles/telegram-link.css";
import "./styles/reception-links.css";
import "./styles/reception-editor.css";

const root = document.getElementById("app");
if (root) render(<App />, root);

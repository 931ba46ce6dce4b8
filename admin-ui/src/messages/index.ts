import { en, type Messages } from "./en";

export type { Messages };

// One language for now; a second one is a folder like ./en whose object is typed
// `Messages`, picked here (for example from navigator.language).
export const t: Messages = en;

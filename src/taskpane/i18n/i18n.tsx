/**
 * Language of the pane: English when Office's display language is English, else Japanese
 * (also when Office does not say). Independent of the rules' language (the generated sheets).
 */
import { createContext, useContext } from "react";
import { ja, type Messages } from "./messages-ja";
import { en } from "./messages-en";

export type PaneLanguage = "ja" | "en";

export function paneLanguage(displayLanguage: string | null | undefined): PaneLanguage {
  return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage) ? "en" : "ja";
}

export function messagesFor(lang: PaneLanguage): Messages {
  return lang === "en" ? en : ja;
}

const MessagesContext = createContext<{ lang: PaneLanguage; t: Messages }>({ lang: "ja", t: ja });
export const MessagesProvider = MessagesContext.Provider;

export function useMessages() {
  return useContext(MessagesContext);
}

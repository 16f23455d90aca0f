/**
 * Whether a click on a link is a plain left click, which the app handles in
 * place; any other (a middle click, Ctrl/⌘/Shift/Alt-click) is left to the
 * browser, so "open in a new tab" keeps working on every link.
 */
export function isPlainClick(e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

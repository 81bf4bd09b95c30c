/** Shared keyboard helpers: which element takes typing, and how shortcuts are written in hints. */

const NON_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when typing a character into `el` would enter text (so single-key shortcuts must not fire). */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(el.type);
  if (el instanceof HTMLSelectElement) return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** Ctrl on Windows and Linux, ⌘ on a Mac. */
export function isPrimaryModifier(e: KeyboardEvent | React.KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey;
}

/** True while a dialog is open: page shortcuts then stay quiet. */
export function isModalOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((el) => getComputedStyle(el).display !== 'none');
}

/** Focuses an element that is about to render: tries on the next frames until it exists (or gives up). */
export function focusWhenReady(find: () => HTMLElement | null | undefined, frames = 30): void {
  const attempt = (left: number) => {
    const el = find();
    if (el) {
      el.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}

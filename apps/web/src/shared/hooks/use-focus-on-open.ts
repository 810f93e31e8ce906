import { useCallback } from 'react';

/**
 * A ref that gives keyboard focus to its element when the element appears: the main action of
 * a wizard's step as the step opens, as a dialog's `data-autofocus` does when the dialog opens,
 * so the keyboard never falls back to the page's body when the content it was on is replaced.
 */
export function useFocusOnOpen<T extends HTMLElement>(): (element: T | null) => void {
  return useCallback((element: T | null) => element?.focus(), []);
}

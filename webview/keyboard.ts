// Keyboard for the ARIA tree (WAI-ARIA tree view pattern): arrows, Home/End,
// PageUp/PageDown, Enter/Space, `*` and type-ahead by key name.
import type { TreeView } from './tree';

const typeAheadResetMs = 700;

export function attachTreeKeyboard(view: TreeView, onCopyPath: (node: number) => void): void {
  let typed = '';
  let typedAt = 0;
  view.element.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('row')) return;
    // Ctrl/Cmd+Alt+C on a focused row copies its path. (Plain Ctrl+C is the browser's copy
    // event, handled in main.ts: VS Code in a browser never forwards it to a keybinding.)
    if ((e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyC' && !e.shiftKey && view.focused >= 0) {
      onCopyPath(view.focused);
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const node = view.focused;
    if (node < 0) return;
    const pos = view.positionOf(node);
    let handled = true;
    // Any other key ends a type-ahead word.
    if (e.key.length !== 1) typed = '';
    switch (e.key) {
      case 'ArrowDown':
        view.focusNode(view.nodeAt(Math.min(pos + 1, view.visibleRowCount - 1)));
        break;
      case 'ArrowUp':
        view.focusNode(view.nodeAt(Math.max(pos - 1, 0)));
        break;
      case 'ArrowRight':
        if (view.isContainer(node)) {
          if (!view.isExpanded(node)) view.setExpanded(node, true);
          else if (view.parentOf(view.nodeAt(pos + 1)) === node) view.focusNode(view.nodeAt(pos + 1));
        }
        break;
      case 'ArrowLeft':
        if (view.isContainer(node) && view.isExpanded(node)) view.setExpanded(node, false);
        else if (view.parentOf(node) >= 0) view.focusNode(view.parentOf(node));
        break;
      case 'Home':
        view.focusNode(view.nodeAt(0));
        break;
      case 'End':
        view.focusNode(view.nodeAt(view.visibleRowCount - 1));
        break;
      case 'PageDown':
        view.focusNode(view.nodeAt(Math.min(pos + view.pageSize(), view.visibleRowCount - 1)));
        break;
      case 'PageUp':
        view.focusNode(view.nodeAt(Math.max(pos - view.pageSize(), 0)));
        break;
      case 'Enter':
        if (!view.openContactAt(node) && view.isContainer(node)) view.toggle(node);
        break;
      case ' ':
        if (typed && e.timeStamp - typedAt < typeAheadResetMs) handled = typeAhead(' ');
        else if (view.isContainer(node)) view.toggle(node);
        break;
      case '*':
        expandSiblings(view, node);
        break;
      default:
        handled = e.key.length === 1 && typeAhead(e.key);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }

    function typeAhead(char: string): boolean {
      const continuing = e.timeStamp - typedAt < typeAheadResetMs;
      typed = (continuing ? typed : '') + char.toLowerCase();
      typedAt = e.timeStamp;
      // A repeated single letter cycles through the keys starting with it.
      const cycling = typed.length > 1 && [...typed].every((c) => c === typed[0]);
      const prefix = cycling ? typed[0] : typed;
      const count = view.visibleRowCount;
      const start = typed.length === 1 || cycling ? pos + 1 : pos;
      for (let k = 0; k < count; k++) {
        const candidate = view.nodeAt((start + k) % count);
        if (view.keyLower(candidate).startsWith(prefix)) {
          view.focusNode(candidate);
          return true;
        }
      }
      return true;
    }
  });
}

function expandSiblings(view: TreeView, node: number): void {
  const parent = view.parentOf(node);
  const siblings: number[] = [];
  for (let p = 0; p < view.visibleRowCount; p++) {
    const candidate = view.nodeAt(p);
    if (view.parentOf(candidate) === parent && view.isContainer(candidate)) siblings.push(candidate);
  }
  view.expandMany(siblings);
}

'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeNode } from './hierarchy';
import { Icon } from './icons';

// Every page renders its own console, so a navigation remounts the tree. Module state survives
// client-side navigations: the tree keeps what the administrator expanded, and keeps the focus
// when it was the tree that opened the new page.
const memory: { expanded: Set<string> | null; focusSelected: boolean } = { expanded: null, focusSelected: false };

type VisibleNode = { node: TreeNode; parentId?: string };

function ancestorIds(root: TreeNode, id: string): string[] {
  const walk = (node: TreeNode, path: string[]): string[] | null => {
    if (node.id === id) return path;
    for (const child of node.children ?? []) {
      const found = walk(child, [...path, node.id]);
      if (found) return found;
    }
    return null;
  };
  return walk(root, []) ?? [];
}

function visibleNodes(root: TreeNode, expanded: Set<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (node: TreeNode, parentId?: string) => {
    out.push({ node, parentId });
    if (expanded.has(node.id)) node.children?.forEach((child) => walk(child, node.id));
  };
  walk(root);
  return out;
}

export type HierarchyTreeProps = { root: TreeNode; selectedId: string };

/** The left pane: a WAI-ARIA tree with roving focus; Enter or a click opens a container. */
export function HierarchyTree({ root, selectedId }: HierarchyTreeProps) {
  const router = useRouter();
  const idPrefix = useId();
  const items = useRef(new Map<string, HTMLLIElement>());
  const [expanded, setExpanded] = useState(
    () => new Set([...(memory.expanded ?? [root.id]), ...ancestorIds(root, selectedId)]),
  );
  const [focusedId, setFocusedId] = useState(selectedId);

  // If the tree outlives a navigation (a shared layout), follow the new selection.
  const [shownSelection, setShownSelection] = useState(selectedId);
  if (shownSelection !== selectedId) {
    setShownSelection(selectedId);
    setFocusedId(selectedId);
    setExpanded((previous) => new Set([...previous, ...ancestorIds(root, selectedId)]));
  }

  useEffect(() => {
    memory.expanded = expanded;
  }, [expanded]);

  useEffect(() => {
    if (!memory.focusSelected) return;
    memory.focusSelected = false;
    items.current.get(selectedId)?.focus();
  }, [selectedId]);

  const labelIds = useMemo(() => {
    const ids = new Map<string, string>();
    const walk = (node: TreeNode) => {
      ids.set(node.id, `${idPrefix}-${ids.size}`);
      node.children?.forEach(walk);
    };
    walk(root);
    return ids;
  }, [root, idPrefix]);

  const visible = visibleNodes(root, expanded);

  const focusItem = (id: string) => {
    setFocusedId(id);
    items.current.get(id)?.focus();
  };

  const setOpen = (node: TreeNode, open: boolean) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (open) next.add(node.id);
      else next.delete(node.id);
      return next;
    });
    // Collapsing over the focused item moves the focus to the collapsed node, as in Windows.
    if (!open && focusedId !== node.id && ancestorIds(root, focusedId).includes(node.id)) focusItem(node.id);
  };

  const openContainer = (node: TreeNode) => {
    if (node.id === selectedId) return;
    memory.focusSelected = true;
    router.push(node.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = visible.findIndex(({ node }) => node.id === focusedId);
    const current = visible[index];
    if (!current) return;
    const { node, parentId } = current;
    const hasChildren = !!node.children?.length;
    const open = expanded.has(node.id);
    const moveTo = (to: number) => focusItem(visible[Math.max(0, Math.min(visible.length - 1, to))].node.id);

    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(visible.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren && open) moveTo(index + 1);
        else if (hasChildren) setOpen(node, true);
        break;
      case 'ArrowLeft':
        if (hasChildren && open) setOpen(node, false);
        else if (parentId) focusItem(parentId);
        break;
      case '+':
        if (hasChildren) setOpen(node, true);
        break;
      case '-':
        if (hasChildren) setOpen(node, false);
        break;
      case 'Enter':
        openContainer(node);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const renderNode = (node: TreeNode) => {
    const hasChildren = !!node.children?.length;
    const open = hasChildren && expanded.has(node.id);
    const labelId = labelIds.get(node.id);
    return (
      <li
        key={node.id}
        ref={(element) => {
          if (element) items.current.set(node.id, element);
          else items.current.delete(node.id);
        }}
        role="treeitem"
        aria-labelledby={labelId}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={node.id === selectedId}
        tabIndex={node.id === focusedId ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusedId(node.id);
        }}
      >
        {/* Keep focus on the treeitem, not the link inside it. */}
        <div className="tree-row" onMouseDown={(event) => event.preventDefault()}>
          <span className="tree-expander-slot">
            {hasChildren && (
              <span
                className={`tree-expander${open ? ' open' : ''}`}
                aria-hidden="true"
                onClick={() => {
                  focusItem(node.id);
                  setOpen(node, !open);
                }}
              />
            )}
          </span>
          <Link
            href={node.href}
            tabIndex={-1}
            className="tree-label"
            onClick={() => {
              if (node.id !== selectedId) memory.focusSelected = true;
              focusItem(node.id);
            }}
            onDoubleClick={() => hasChildren && setOpen(node, !open)}
          >
            <Icon name={node.icon} />
            <span className="tree-text" id={labelId}>
              {node.label}
            </span>
          </Link>
        </div>
        {open && <ul role="group">{node.children?.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label="Hierarchy" className="hierarchy" onKeyDown={onKeyDown}>
      {renderNode(root)}
    </ul>
  );
}

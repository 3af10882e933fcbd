import type { ReactNode } from 'react';
import { HierarchyTree } from './HierarchyTree';
import { buildHierarchy, selectedNodeId, type TreeSelection } from './hierarchy';
import { Icon } from './icons';
import { buildMenus, buildToolbar } from './menus';
import { MenuBar } from './MenuBar';
import { siteRights } from './site-rights';
import { Toolbar } from './Toolbar';

export type { TreeSelection } from './hierarchy';

export type ConsoleWindowProps = {
  organization: string;
  sites: { name: string }[];
  selected: TreeSelection;
  /** The page handles `xadm:properties` / `xadm:delete` for its selection: show Properties and Delete. */
  canProperties?: boolean;
  /** Without a selection of its own, Properties (Alt+Enter) opens this: the tree's container's property sheet. */
  propertiesHref?: string;
  /** Left field of the status bar, e.g. "12 objects". */
  status?: string;
  children: ReactNode;
};

/** Exchange Administrator's main window, maximised: menus, toolbar, hierarchy left, contents right. A server component: it asks what the administrator may change. */
export async function ConsoleWindow({ organization, sites, selected, canProperties = false, propertiesHref, status, children }: ConsoleWindowProps) {
  // New... goes to the selected site, else the first one (Exchange asks for a container then).
  const site = selected.site ?? sites[0]?.name;
  // Asked here, not by each page, so that no page can forget it (a View Only Admin gets no New... or Delete).
  const canChange = site ? (await siteRights(site)).canChange : false;
  const context = { site, canChange, canProperties, propertiesHref };
  const location = selected.site ? `Site: ${selected.site}` : `Organization: ${organization}`;
  return (
    <div className="window console">
      <div className="title-bar">
        <div className="title-bar-text">
          <Icon name="exchange" />
          <span>Microsoft Exchange Administrator - [{organization}]</span>
        </div>
      </div>
      <MenuBar menus={buildMenus(context)} />
      <Toolbar buttons={buildToolbar(context)} />
      <div className="console-panes">
        <nav className="tree-pane" aria-label="Hierarchy pane">
          <HierarchyTree root={buildHierarchy(organization, sites)} selectedId={selectedNodeId(selected)} />
        </nav>
        <main className="contents-pane">{children}</main>
      </div>
      <div className="status-bar">
        <p className="status-bar-field" role="status">
          {status}
        </p>
        <p className="status-bar-field status-location">{location}</p>
      </div>
    </div>
  );
}

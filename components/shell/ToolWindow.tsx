// A Tools-menu window in the console's right pane (Routing Preview, Directory Import, Directory
// Export): a 98.css window whose title names the tool and the site.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export type ToolWindowProps = {
  /** The id of the title, for aria-labelledby. */
  titleId: string;
  title: string;
  icon: IconName;
  /** The tool's own class on the window, and on its body. */
  className: string;
  bodyClassName: string;
  children: ReactNode;
};

export function ToolWindow({ titleId, title, icon, className, bodyClassName, children }: ToolWindowProps) {
  return (
    <section className={`window tool-window ${className}`} aria-labelledby={titleId}>
      <div className="title-bar">
        <h1 className="title-bar-text" id={titleId}>
          <Icon name={icon} />
          <span>{title}</span>
        </h1>
      </div>
      <div className={`window-body ${bodyClassName}`}>{children}</div>
    </section>
  );
}

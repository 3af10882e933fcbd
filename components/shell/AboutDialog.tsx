'use client';
import { Dialog } from './Dialog';
import { Icon } from './icons';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="About xadm"
      onClose={onClose}
      width={380}
      buttons={
        <button type="button" className="default" onClick={onClose} data-autofocus>
          OK
        </button>
      }
    >
      <div className="about">
        <Icon name="exchange" size={32} />
        <div>
          <p className="about-product">xadm</p>
          <p>A web console in the spirit of Microsoft Exchange Server 5.5.</p>
          <p className="about-note">Not affiliated with Microsoft. Exchange is a trademark of Microsoft Corporation.</p>
        </div>
      </div>
    </Dialog>
  );
}

import { ConnectionsTab } from '@/components/connections/msmail/ConnectionsTab';

export default function Page() {
  return <ConnectionsTab />;
}

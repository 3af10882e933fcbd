import { RoutingTab } from '@/components/connections/ims/RoutingTab';

export default function Page() {
  return <RoutingTab />;
}

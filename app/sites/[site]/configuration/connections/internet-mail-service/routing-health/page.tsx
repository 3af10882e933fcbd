import { RoutingHealthTab } from '@/components/connections/ims/RoutingHealthTab';

export default function Page() {
  return <RoutingHealthTab />;
}

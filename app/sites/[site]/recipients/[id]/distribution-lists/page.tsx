import { MembershipTab } from '@/components/recipients/sheet/MembershipTab';

export default function DistributionListsPage() {
  return <MembershipTab which="memberOf" />;
}

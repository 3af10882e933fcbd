import { MembershipTab } from '@/components/recipients/sheet/MembershipTab';

/** Members of a distribution list; other recipients have no such tab (the sheet shows General). */
export default function MembersPage() {
  return <MembershipTab which="members" />;
}

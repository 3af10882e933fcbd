import { EmailAddressesTab } from '@/components/recipients/sheet/EmailAddressesTab';

export default function EmailAddressesPage() {
  return <EmailAddressesTab />;
}

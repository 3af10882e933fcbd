import { GeneralTab } from '@/components/connections/ims/GeneralTab';

export default function Page() {
  return <GeneralTab />;
}

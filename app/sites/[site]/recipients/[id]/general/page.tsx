import { GeneralTab } from '@/components/recipients/sheet/GeneralTab';

export default function GeneralPage() {
  return <GeneralTab />;
}

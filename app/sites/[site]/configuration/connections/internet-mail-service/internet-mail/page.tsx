import { InternetMailTab } from '@/components/connections/ims/InternetMailTab';

export default function Page() {
  return <InternetMailTab />;
}

import { LocalPostofficeTab } from '@/components/connections/msmail/LocalPostofficeTab';

export default function Page() {
  return <LocalPostofficeTab />;
}

import { MissingObjectMessage } from '@/components/shell/MissingObjectMessage';

export default function NotFound() {
  return <MissingObjectMessage />;
}

import { redirect } from 'next/navigation';

/** The dashboard opens on the catalog: "what can my automations call?" comes first. */
export default function HomePage() {
  redirect('/actions');
}

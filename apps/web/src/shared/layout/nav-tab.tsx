import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';

/** A link of a page menu that says which page is the current one (visually and to screen readers). */
export function NavTab({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href);
  return (
    <Link href={href} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

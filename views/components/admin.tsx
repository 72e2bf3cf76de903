// Bits every catalogue administration page shares: the way back, and an offering's status tag.
import type { I18n } from '../../src/kernel/messages.ts';

export type OfferingStatusName = 'draft' | 'published' | 'archived';

/** The link back to the page above (the school, the term, the offering). */
export function Breadcrumb(props: { href: string; label: string }) {
  return (
    <p class="breadcrumb">
      <a href={props.href}>← {props.label}</a>
    </p>
  );
}

export function StatusTag(props: { i18n: I18n; status: OfferingStatusName }) {
  return <span class={`tag tag--status-${props.status}`}>{props.i18n.t(`admin.status.${props.status}`)}</span>;
}

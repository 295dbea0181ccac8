// The details panel: the selected route (its chains), one of its hops (its deals), or everything known about the
// selected node or transfer, with every citation and its source.
import type { NodeDetails, PathCheck, TransferCheck, TransferDetails } from '../api/types.js';
import { byId, h, replaceChildren, type Child } from '../dom.js';
import { amountText, isSafeUrl, quantityText, spanText, tivDelivered, tivText } from '../format.js';
import { citations, inferred, note, table, type Row } from './detail-parts.js';
import { renderHop, renderRoute, type HopView, type RouteDetailsHandlers, type RouteView } from './route-details.js';

/** Extra context for a transfer: rules from the selected route's chain, the day's check, other transfers on its edge. */
export interface TransferContext {
  readonly pathChecks?: readonly PathCheck[];
  readonly check?: TransferCheck | undefined;
  readonly route?: readonly string[];
}

/** What the panel reports back. */
export interface DetailsPanelHandlers extends RouteDetailsHandlers {
  /** Back from a node or hop to the selected route's chains. */
  onBack(): void;
}

/** Renders details into #details. */
export class DetailsPanel {
  private readonly el = byId('details');
  /** The label of the way back to the route ('' when no route is selected). */
  private back = '';
  /** A part added under every node's details (the claims part: who wrote it, retract). */
  private footer: ((node: NodeDetails) => Child) | undefined;

  constructor(private readonly handlers: DetailsPanelHandlers) {}

  private onSelect(id: string): void {
    this.handlers.onSelect(id);
  }

  /** Whether node and hop views offer a way back to a route, and its label. */
  setBack(label: string): void {
    this.back = label;
  }

  private backButton(): Child {
    return this.back ? h('button', { type: 'button', class: 'back', onclick: () => this.handlers.onBack() }, `← ${this.back}`) : null;
  }

  /** Adds a part under every node's details from now on. */
  setFooter(render: (node: NodeDetails) => Child): void {
    this.footer = render;
  }

  /** A placeholder or progress message. */
  message(text: string): void {
    this.el.dataset.id = '';
    this.el.dataset.view = 'message';
    replaceChildren(this.el, h('p', { class: 'hint' }, text));
  }

  /** Shows a node's details. */
  show(node: NodeDetails, context: TransferContext = {}): void {
    this.el.dataset.id = node.id;
    this.el.dataset.type = node.__typename;
    this.el.dataset.view = 'node';
    replaceChildren(this.el, this.backButton(), ...this.render(node, context), this.footer?.(node));
  }

  /** Shows the selected route: its evidence, rules and chains. */
  showRoute(view: RouteView): void {
    this.el.dataset.id = '';
    this.el.dataset.type = 'Route';
    this.el.dataset.view = 'route';
    this.el.dataset.route = view.route.id;
    this.el.dataset.chains = view.chains === undefined ? 'loading' : String(view.chains.length);
    replaceChildren(this.el, ...renderRoute(view, this.handlers));
  }

  /** Shows one hop of the selected route: its evidence and deals. */
  showHop(view: HopView): void {
    this.el.dataset.id = `hop:${view.hop}`;
    this.el.dataset.type = 'RouteHop';
    this.el.dataset.view = 'hop';
    replaceChildren(this.el, this.backButton(), ...renderHop(view, this.handlers));
  }

  /** True while the route view is shown (so newly loaded chains may redraw it). */
  showsRoute(): boolean {
    return this.el.dataset.view === 'route';
  }

  private link(ref: { id: string; name?: string; title?: string }): HTMLButtonElement {
    return h('button', { type: 'button', class: 'link', 'data-id': ref.id, onclick: () => this.onSelect(ref.id) }, ref.name ?? ref.title ?? ref.id);
  }

  private links(refs: readonly { id: string; name?: string; title?: string }[]): Child {
    if (refs.length === 0) return 'none';
    if (refs.length === 1) return this.link(refs[0]!);
    return h('ul', { class: 'refs' }, refs.map((r) => h('li', {}, this.link(r))));
  }

  private render(node: NodeDetails, context: TransferContext): Child[] {
    const heading = (kind: string, title: string) => [h('p', { class: 'kind' }, kind), h('h3', {}, title)];
    switch (node.__typename) {
      case 'Transfer':
        return this.transfer(node, context, heading);
      case 'Event':
        return [
          ...heading(`Event · ${node.eventKind.toLowerCase().replace(/_/g, ' ')}`, node.title),
          table([
            ['Date', spanText(node.date)],
            ['Actors', this.links(node.actors)],
            ['Systems', this.links(node.systems)],
            node.quantity ? ['Quantity', quantityText(node.quantity)] : undefined,
            node.valueUsd ? ['Value', amountText(node.valueUsd)] : undefined,
            ['Known since', node.knownSince],
            inferred(node.inferredFields),
          ]),
          note(node.note),
          citations(node.citations),
        ];
      case 'Actor':
        return [
          ...heading(`Actor · ${node.actorKind.toLowerCase().replace(/_/g, ' ')}`, node.name),
          table([
            ['Id', node.id],
            ['Aliases', node.aliases.join(', ') || 'none'],
            node.partOf ? ['Part of', this.link(node.partOf)] : undefined,
            node.country ? ['Country', this.link(node.country)] : undefined,
            ['Transfers out', node.transfersOut.totalCount.toLocaleString('en-US')],
            ['Transfers in', node.transfersIn.totalCount.toLocaleString('en-US')],
          ]),
          note(node.note),
        ];
      case 'Restriction':
        return [
          ...heading(`Rule · ${node.rule}`, node.title),
          table([
            ['In force', spanText(node.inForce)],
            ['Imposed by', this.link(node.imposedBy)],
            ['Suppliers', node.suppliers.length ? this.links(node.suppliers) : 'any'],
            ['Recipients', node.recipients.length ? this.links(node.recipients) : 'any'],
            ['Systems', node.systems.length ? this.links(node.systems) : 'any'],
            node.consentOf ? ['Consent of', this.link(node.consentOf)] : undefined,
            ['Known since', node.knownSince],
            inferred(node.inferredFields),
          ]),
          note(node.note),
          citations(node.citations),
        ];
      case 'AidCommitment':
        return [
          ...heading('Aid commitment', `${node.donor.name} → ${node.recipient.name}`),
          table([
            ['Date', spanText(node.date)],
            ['Amount', amountText(node.amountUsd)],
            ['Categories', node.categories.map((c) => c.toLowerCase().replace(/_/g, ' ')).join(', ')],
            ['Donor', this.link(node.donor)],
            ['Recipient', this.link(node.recipient)],
            ['Known since', node.knownSince],
            inferred(node.inferredFields),
          ]),
          note(node.note),
          citations(node.citations),
        ];
      case 'WeaponSystem':
        return [
          ...heading(`Weapon system · ${node.category}`, node.name),
          table([
            ['Id', node.id],
            node.designation ? ['Designation', node.designation] : undefined,
            node.family ? ['Family', this.link(node.family)] : undefined,
            node.manufacturer ? ['Manufacturer', this.link(node.manufacturer)] : undefined,
            node.producedBy ? ['Produced by', this.link(node.producedBy)] : undefined,
            ['Aliases', node.aliases.join(', ') || 'none'],
          ]),
          note(node.note),
          citations(node.citations),
        ];
      case 'Source':
        return [
          ...heading(`Source · ${node.publisher}`, node.title),
          table([
            ['Published', spanText(node.publishedAt)],
            ['Link', isSafeUrl(node.url) ? h('a', { href: node.url, rel: 'noopener noreferrer', target: '_blank' }, node.url) : 'none'],
          ]),
          note(node.note),
        ];
    }
  }

  private transfer(t: TransferDetails, context: TransferContext, heading: (kind: string, title: string) => Child[]): Child[] {
    const sipri = t.sipri;
    const delivered = sipri ? tivDelivered(sipri) : undefined;
    const route = (context.route ?? []).filter((id) => id !== t.id);
    return [
      ...heading(`Transfer · ${t.transferKind.toLowerCase().replace(/_/g, ' ')}`, `${t.supplier.name} → ${t.recipient.name}: ${t.system.name}`),
      table([
        ['Status', h('span', { class: `status status-${t.status.toLowerCase()}` }, t.status)],
        ['Date', spanText(t.date)],
        ['Quantity', quantityText(t.quantity)],
        t.valueUsd ? ['Value', amountText(t.valueUsd)] : undefined,
        ['Supplier', this.link(t.supplier)],
        ['Recipient', this.link(t.recipient)],
        ['System', [this.link(t.system), ` (${t.system.category})`]],
        t.statusHistory.length ? ['Status history', t.statusHistory.map((s) => `${s.status} ${s.date.edtf}`).join('; ')] : undefined,
        t.enabledBy.length ? ['Enabled by', this.links(t.enabledBy)] : undefined,
        t.backfills.length ? ['Backfills', this.links(t.backfills)] : undefined,
        ['Known since', t.knownSince],
        inferred(t.inferredFields),
      ]),
      note(t.note),
      sipri
        ? h(
            'section',
            { class: 'sipri' },
            h('h4', {}, `SIPRI deal ${sipri.dealId}`),
            table([
              ['Designation', `${sipri.designation} (${sipri.description}, ${sipri.category})`],
              ['Ordered', sipri.orderYear == null ? 'unknown' : `${sipri.orderYear}${sipri.orderYearEstimated ? ' (estimate)' : ''}`],
              ['Condition', sipri.condition.toLowerCase().replace(/_/g, ' ') + (sipri.localProduction ? ', local production' : '')],
              ['TIV per unit', tivText(sipri.tivPerUnit)],
              ['TIV delivered', tivText(delivered)],
              ['Release', sipri.release],
            ]),
            sipri.deliveries.length
              ? h(
                  'table',
                  { class: 'deliveries' },
                  h('caption', {}, 'Deliveries'),
                  h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Year'), h('th', { scope: 'col' }, 'Units'), h('th', { scope: 'col' }, 'TIV (m)'))),
                  h(
                    'tbody',
                    {},
                    sipri.deliveries.map((d) =>
                      h(
                        'tr',
                        {},
                        h('td', {}, `${d.year}${d.yearEstimated ? '~' : ''}`),
                        h('td', {}, d.units == null ? '?' : `${d.units}${d.unitsEstimated ? '~' : ''}`),
                        h('td', {}, d.tiv == null ? '?' : String(d.tiv)),
                      ),
                    ),
                  ),
                )
              : null,
          )
        : null,
      this.rules(t, context),
      citations(t.citations),
      route.length
        ? h(
            'section',
            { class: 'route' },
            h('h4', {}, `Other transfers between them (${route.length})`),
            h('ul', {}, route.slice(0, 30).map((id) => h('li', {}, this.link({ id })))),
            route.length > 30 ? h('p', { class: 'hint' }, `…and ${route.length - 30} more.`) : null,
          )
        : null,
    ];
  }

  private rules(t: TransferDetails, context: TransferContext): Child {
    const checks = context.pathChecks ?? [];
    const check = context.check;
    if (t.subjectTo.length === 0 && checks.length === 0 && check === undefined) return null;
    return h(
      'section',
      { class: 'rules' },
      h('h4', {}, 'Rules'),
      h(
        'ul',
        {},
        t.subjectTo.map((r) => h('li', {}, 'Subject to ', this.link(r), ` (${r.rule}, in force ${r.inForce.edtf})`)),
        checks.map((c) => h('li', { class: `check effect-${c.effect.toLowerCase().replace(/_/g, '-')}` }, h('strong', {}, c.effect), ` on this route's chain: ${c.message} `, this.link(c.restriction))),
        check
          ? h(
              'li',
              { class: `check effect-${check.verdict.toLowerCase().replace(/_/g, '-')}` },
              h('strong', {}, check.verdict),
              ` on ${check.on} (check of ${t.supplier.name} → ${t.recipient.name})`,
              check.reasons.length ? h('ul', {}, check.reasons.map((r) => h('li', {}, `${r.effect}: ${r.message} `, this.link(r.restriction)))) : null,
            )
          : null,
      ),
    );
  }

}

// Download links for the current selection: one <a download> per export format of GET /export.
import { EXPORT_FORMATS, EXPORT_TITLES, exportHref } from '../api/export-href.js';
import { byId, h, replaceChildren } from '../dom.js';

/** Renders the export links into #exports. */
export class ExportLinks {
  private readonly el = byId('exports');

  /** Links for the subgraph around `around` (none: links are shown disabled). */
  update(around: readonly string[], depth: number): void {
    this.el.dataset.around = around.join(',');
    replaceChildren(
      this.el,
      EXPORT_FORMATS.map((format) =>
        around.length === 0
          ? h('a', { class: 'export disabled', 'aria-disabled': 'true', 'data-format': format, title: 'Run a query first' }, format.toUpperCase())
          : h(
              'a',
              {
                class: 'export',
                href: exportHref(format, around, depth),
                download: '',
                'data-format': format,
                title: `${EXPORT_TITLES[format]}: ${around.join(', ')} and their neighbours (depth ${depth})`,
              },
              format.toUpperCase(),
            ),
      ),
    );
  }
}

// Loads what the details panel shows of a selected id: the node, and for a transfer the verdict of the rules on
// its day; only the latest selection is shown, whatever order the answers come in.
import { gql } from '../api/client.js';
import { CHECK_QUERY, NODE_QUERY } from '../api/queries.js';
import type { NodeDetails, PathCheck } from '../api/types.js';
import { OPEN_END, OPEN_START } from '../format.js';
import type { DetailsPanel } from './details-panel.js';

/** What the loader asks of the app for a transfer, and tells it of other nodes. */
export interface DetailsContext {
  /** The rules bearing on a transfer as a hop of the selected route. */
  checksOf(id: string): readonly PathCheck[];
  /** Other transfers on the selected transfer's edge. */
  edgeTransfers(): readonly string[];
  /** A node other than a transfer was shown (an event, rule, aid, actor…). */
  onNode(node: NodeDetails): void;
  onError(error: unknown): void;
}

/** Loads and shows details, one selection at a time. */
export class DetailsLoader {
  private seq = 0;

  constructor(private readonly details: DetailsPanel) {}

  /** Loads and shows the details of `id` (an answer for an earlier id is dropped). */
  async load(id: string, context: DetailsContext): Promise<void> {
    const seq = ++this.seq;
    this.details.message('Loading details…');
    try {
      const { node } = await gql(NODE_QUERY, { id });
      if (seq !== this.seq) return;
      if (node === null) {
        this.details.message(`Nothing has the id “${id}”.`);
        return;
      }
      if (node.__typename !== 'Transfer') {
        this.details.show(node);
        context.onNode(node);
        return;
      }
      const shown = { pathChecks: context.checksOf(id), route: context.edgeTransfers() };
      this.details.show(node, shown);
      const on = node.date.earliest !== OPEN_START ? node.date.earliest : node.date.latest !== OPEN_END ? node.date.latest : undefined;
      const { transferCheck } = await gql(CHECK_QUERY, {
        supplier: node.supplier.id, recipient: node.recipient.id, system: node.system.id, ...(on !== undefined && { on }),
      });
      if (seq === this.seq) this.details.show(node, { ...shown, check: transferCheck });
    } catch (error) {
      if (seq === this.seq) context.onError(error);
    }
  }

  /** Forgets any selection under way (its answer will not be shown). */
  cancel(): void {
    this.seq += 1;
  }
}

// The export layer's public API: build an export graph from a subgraph, then write it in any format.
export { exportGraph } from './export-graph.js';
export type { ExportMultiGraph } from './export-graph.js';
export {
  NODE_ATTRIBUTES, EDGE_ATTRIBUTES, TYPE_NAMES, LIST_DELIMITER, CITATION_SOURCE_DELIMITER, CITATION_QUOTE_DELIMITER,
  splitList,
} from './attributes.js';
export type {
  AttributeSpec, AttributeType, AttributeValue, ExportGraph, ExportNodeAttributes, ExportEdgeAttributes, ExportGraphAttributes,
} from './attributes.js';
export { writeGraphml } from './write-graphml.js';
export { writeGexf } from './write-gexf.js';
export { writeJson } from './write-json.js';
export { writeCsvNodes, writeCsvRelationships, csvHeaderField, csvString, CSV_NODE_LABEL, CSV_RELATIONSHIP_TYPE } from './write-csv.js';
export { writeCypher, splitCypherStatements, CYPHER_NODE_LABEL, CYPHER_RELATIONSHIP_TYPE } from './write-cypher.js';
export { cypherString, cypherInteger, cypherFloat, cypherName } from './cypher.js';
export { escapeXml, stripInvalidXmlChars } from './xml.js';
export { EXPORT_FORMATS, CONTENT_TYPES, exportFiles, filenameFor, isExportFormat } from './export-files.js';
export type { ExportFormat, ExportFile, CsvPart } from './export-files.js';
export { exportBaseName } from './selection.js';
export { EXPORT_PARAMETERS, asParameterError, exportInput, exportUrl, formatExportQuery, parseExportQuery } from './query-string.js';
export type { ExportRequest } from './query-string.js';
